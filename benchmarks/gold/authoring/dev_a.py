from helpers import *  # noqa: F403

DISPATCHES = [
    dispatch(
        "dev-001",
        "2023-07-27",
        "Niger soldiers say they have ousted President Bazoum",
        """NIAMEY (Reuters) - Soldiers in Niger announced on national television late on Wednesday that they had removed President Mohamed Bazoum from power, the latest military coup in West Africa's Sahel region.

Colonel-Major Amadou Abdramane, flanked by nine other officers, said the defence and security forces had decided "to put an end to the regime you know" because of deteriorating security and poor governance. Borders were closed and a night curfew imposed.

The officers said they had formed a National Council for the Safeguard of the Homeland. Its leader was not named, but several sources said General Abdourahamane Tiani, commander of the presidential guard, was behind the move.

Neighbouring Nigeria, whose President Bola Tinubu chairs the Economic Community of West African States, said ECOWAS would "not tolerate" an unconstitutional change of government in Niger. Benin's President Patrice Talon flew to Niamey to mediate on behalf of the bloc.

U.S. Secretary of State Antony Blinken called Bazoum and offered Washington's "unwavering support", a State Department spokesman said. France's Foreign Ministry condemned "any attempt to take power by force".

African Union Commission chairman Moussa Faki Mahamat urged the soldiers to return to their barracks. Niger has been a key Western partner against Islamist insurgents, with French and U.S. troops based in the country.

Residents of Niamey said the capital was calm, though dozens of young men waving Russian flags gathered outside the national assembly.""",
        countries="NE NG BJ US FR RU",
        officials=[
            off("bazoum", "Mohamed Bazoum", "President", "NE"),
            off("abdramane", "Amadou Abdramane", "Colonel-Major", "NE"),
            off("tiani|tchiani", "Abdourahamane Tiani", "commander of the presidential guard", "NE"),
            off("tinubu", "Bola Tinubu", "President", "NG"),
            off("talon", "Patrice Talon", "President", "BJ"),
            off("blinken", "Antony Blinken", "Secretary of State", "US"),
            off("faki|moussa faki mahamat", "Moussa Faki Mahamat", "African Union Commission chairman", None),
        ],
        agencies=[
            REUTERS,
            ECOWAS,
            STATE_DEPT,
            foreign_ministry("FR"),
            AU,
            ag(
                "national council for the safeguard of the homeland|cnsp",
                "National Council for the Safeguard of the Homeland",
                "government",
                "NE",
            ),
        ],
        opt_agencies=[opt("national assembly"), opt("defence and security forces"), opt("presidential guard")],
        coup="current",
    ),
    dispatch(
        "dev-002",
        "2023-08-10",
        "Nigeria's Senate cools on Niger intervention as ECOWAS meets in Abuja",
        """ABUJA (AFP) - West African leaders met in the Nigerian capital on Thursday to decide whether to use force against the junta in neighbouring Niger, as Nigeria's own Senate urged President Bola Tinubu to favour diplomacy.

The two countries share a 1,500-kilometre border, and Nigerian senators from the northern states said military action would hurt communities on both sides. Senate President Godswill Akpabio read a resolution calling for "political and diplomatic options".

Nigeria's Interior Ministry said it had tightened checks at border posts in Sokoto and Katsina states. Interior Minister Olubunmi Tunji-Ojo told reporters that "no Nigerian will be put at risk" by the standoff.

In Niamey, the ruling officers named economist Ali Mahamane Lamine Zeine as prime minister and accused ECOWAS of preparing an "illegal and senseless" war. Thousands rallied outside a French military base, some chanting slogans in favour of Russia.

A trader from Maradi, Ibrahim Moussa, said the closure of the border with Nigeria had doubled the price of rice. "We are Nigeriens, but we eat from Nigeria," he said.

The ECOWAS commission president, Omar Alieu Touray, said the bloc had activated its standby force but that "the door to dialogue remains open". Chad's transitional president, Mahamat Idriss Deby, who is not an ECOWAS member, travelled to Niamey last week to talk to the officers.""",
        countries="NG NE FR RU TD",
        officials=[
            off("tinubu", "Bola Tinubu", "President", "NG"),
            off("akpabio", "Godswill Akpabio", "Senate President", "NG"),
            off("tunji-ojo|tunji ojo", "Olubunmi Tunji-Ojo", "Interior Minister", "NG"),
            off("zeine|lamine zeine", "Ali Mahamane Lamine Zeine", "prime minister", "NE"),
            off("touray", "Omar Alieu Touray", "ECOWAS commission president", None),
            off("deby|mahamat idriss deby", "Mahamat Idriss Deby", "transitional president", "TD"),
        ],
        agencies=[AFP, ECOWAS, interior_ministry("NG")],
        opt_agencies=[opt("senate"), opt("ecowas commission"), opt("standby force")],
        coup="none",
    ),
    dispatch(
        "dev-003",
        "2022-02-02",
        "Guinea-Bissau president says he survived coup attempt",
        """BISSAU (AP) - Guinea-Bissau's President Umaro Sissoco Embalo said on Tuesday he had survived an attempted coup after gunmen attacked the government palace where he was chairing a cabinet meeting, leaving several people dead.

"It was not just a coup. It was an attempt to kill the president, the prime minister and all the cabinet," Embalo told reporters, adding that the situation was "under control". He linked the attack to drug traffickers but gave no evidence.

Prime Minister Nuno Gomes Nabiam was unharmed, officials said. Government spokesman Fernando Vaz said four members of the security forces had been killed.

The attack came days after soldiers seized power in Burkina Faso and months after Guinea, Guinea-Bissau's larger neighbour, saw its president Alpha Conde ousted by special forces commander Col. Mamady Doumbouya in September.

The Economic Community of West African States condemned "this failed coup attempt" and said it would send a stabilisation force. Ghana's President Nana Akufo-Addo, who chairs the bloc, called Embalo to express solidarity. The African Union and the United Nations also condemned the violence.

Portugal, the former colonial power, said through its Foreign Ministry that it was following events closely. Guinea-Bissau has seen four successful coups since independence in 1974.""",
        countries="GW BF GN GH PT",
        officials=[
            off("embalo|sissoco embalo", "Umaro Sissoco Embalo", "President", "GW"),
            off("nabiam", "Nuno Gomes Nabiam", "Prime Minister", "GW"),
            off("fernando vaz|vaz", "Fernando Vaz", "Government spokesman", "GW"),
            off("doumbouya", "Mamady Doumbouya", "special forces commander", "GN"),
            off("akufo-addo|akufo addo", "Nana Akufo-Addo", "President", "GH"),
        ],
        opt_officials=[opt("conde|alpha conde")],
        agencies=[AP, ECOWAS, AU, UN, foreign_ministry("PT")],
        opt_agencies=[opt("security forces"), opt("cabinet"), opt("special forces"), opt("stabilisation force")],
        coup="current",
    ),
    dispatch(
        "dev-004",
        "2022-11-25",
        "Equatorial Guinea's Obiang wins sixth term with 95 percent",
        """MALABO (EFE) - Teodoro Obiang Nguema Mbasogo, the world's longest-serving president, won a sixth term in Equatorial Guinea with almost 95 percent of the vote, the national electoral commission said on Friday.

Obiang, 80, has ruled the oil-producing Central African country since 1979. His son, Vice President Teodoro Nguema Obiang Mangue, widely known as Teodorin, is seen as his likely successor.

The only opposition party to win a seat in the previous parliament, Citizens for Innovation, was banned last year. Its leader, Gabriel Nse Obiang, is under house arrest. Opposition candidate Andres Esono Ondo said the vote had been "a farce".

Government spokesman Jeronimo Osa Osa Ecoro said the result showed "the confidence of the people in stability". Equatorial Guinea, whose capital Malabo sits on the island of Bioko, shares borders with Cameroon and Gabon and is not to be confused with Guinea or Guinea-Bissau in West Africa.

Spain, the former colonial power, did not comment. The European Union said in a statement that the election "took place in a context of restrictions on fundamental freedoms". A spokesperson for the Spanish Foreign Ministry said Madrid was studying the EU text.""",
        countries="GQ CM GA ES",
        opt_countries="GN GW",
        officials=[
            off("obiang nguema mbasogo|teodoro obiang", "Teodoro Obiang Nguema Mbasogo", "President", "GQ"),
            off("teodorin|nguema obiang mangue", "Teodoro Nguema Obiang Mangue", "Vice President", "GQ"),
            off("osa osa ecoro|osa", "Jeronimo Osa Osa Ecoro", "Government spokesman", "GQ"),
        ],
        agencies=[EFE, EU, foreign_ministry("ES")],
        opt_agencies=[opt("national electoral commission|electoral commission"), opt("parliament")],
        coup="none",
    ),
    dispatch(
        "dev-005",
        "2023-05-22",
        "U.S. and Papua New Guinea sign defence pact as Modi visits Port Moresby",
        """PORT MORESBY (Reuters) - The United States and Papua New Guinea signed a defence cooperation agreement on Monday, giving U.S. forces access to the Pacific nation's ports and airports as Washington competes with Beijing for influence in the region.

Secretary of State Antony Blinken signed the pact with Papua New Guinea's Defence Minister Win Bakri Daki, while Prime Minister James Marape said it would help his country "build the capacity of our defence force".

Students at the University of Papua New Guinea in Lae protested against the deal, saying it would drag the country into a rivalry between the U.S. and China. Student leader Kila Raka said the agreement had been negotiated "in secret".

The same day, Indian Prime Minister Narendra Modi became the first Indian leader to visit Papua New Guinea, co-hosting a summit with Pacific island leaders. Marape greeted him by touching his feet, a gesture of respect, the Press Trust of India reported.

China's Foreign Ministry spokesman Wang Wenbin said in Beijing that cooperation between countries "should not target any third party". Australia, PNG's closest partner, welcomed the agreement.

Papua New Guinea, on the eastern half of the island of New Guinea, has no connection with the West African states of Guinea or Guinea-Bissau, a confusion Marape joked about during the ceremony.""",
        countries="US PG CN IN AU",
        opt_countries="GN GW",
        officials=[
            off("blinken", "Antony Blinken", "Secretary of State", "US"),
            off("bakri daki|win bakri daki", "Win Bakri Daki", "Defence Minister", "PG"),
            off("marape", "James Marape", "Prime Minister", "PG"),
            off("modi", "Narendra Modi", "Prime Minister", "IN"),
            off("wang wenbin", "Wang Wenbin", "Foreign Ministry spokesman", "CN"),
        ],
        agencies=[REUTERS, PTI, foreign_ministry("CN")],
        opt_agencies=[opt("defence force|defense force"), opt("u s forces")],
        coup="none",
    ),
    dispatch(
        "dev-006",
        "2024-05-14",
        "Georgia passes 'foreign agents' law despite protests, EU warning",
        """TBILISI (AFP) - Georgia's parliament adopted a contested "foreign influence" law on Tuesday as tens of thousands of protesters rallied outside, in a vote the European Union said could derail the Caucasus country's bid to join the bloc.

Critics call the measure "the Russian law", saying it mirrors legislation the Kremlin used to crush dissent. Prime Minister Irakli Kobakhidze said it would make non-governmental groups funded from abroad more transparent.

President Salome Zourabichvili, who has broken with the ruling Georgian Dream party, said she would veto the bill, though parliament can override her. "This law is not ours," she told a crowd.

EU foreign policy chief Josep Borrell said the vote "negatively impacts Georgia's progress on the EU path". In Washington, State Department spokesman Matthew Miller said the United States was "deeply concerned", and Assistant Secretary of State James O'Brien arrived in Tbilisi for talks.

Georgia's Interior Ministry said police had detained 20 people. Protester Nino Kvaratskhelia, a 23-year-old student, said: "We do not want to go back to the Soviet Union."

Moscow denied any involvement. Kremlin spokesman Dmitry Peskov said Russia had "nothing to do" with Georgia's domestic legislation.""",
        countries="GE RU US",
        officials=[
            off("kobakhidze", "Irakli Kobakhidze", "Prime Minister", "GE"),
            off("zourabichvili", "Salome Zourabichvili", "President", "GE"),
            off("borrell", "Josep Borrell", "EU foreign policy chief", None),
            off("miller|matthew miller", "Matthew Miller", "State Department spokesman", "US"),
            off("o brien|james o brien", "James O'Brien", "Assistant Secretary of State", "US"),
            off("peskov", "Dmitry Peskov", "Kremlin spokesman", "RU"),
        ],
        agencies=[AFP, EU, STATE_DEPT, interior_ministry("GE")],
        opt_agencies=[opt("parliament"), opt("police"), opt("kremlin"), opt("georgian dream")],
        coup="none",
    ),
    dispatch(
        "dev-007",
        "2022-11-09",
        "Georgia Senate race heads to runoff as Kemp wins second term",
        """ATLANTA (AP) - Georgia's closely watched U.S. Senate race will go to a December runoff after neither Democratic Sen. Raphael Warnock nor Republican challenger Herschel Walker won a majority, state officials said on Wednesday.

Secretary of State Brad Raffensperger, who oversees elections in the southern state, said the runoff would be held on Dec. 6. "Georgia voters will have their say one more time," Raffensperger told reporters at the state Capitol.

Republican Gov. Brian Kemp easily won re-election over Democrat Stacey Abrams, a voting rights activist, in a rematch of their 2018 contest.

Walker, a former University of Georgia football star, told supporters in Atlanta that he was "not going anywhere". Warnock, a pastor at the Ebenezer Baptist Church, said he was ready for "four more weeks".

The outcome could decide control of the U.S. Senate in Washington, where Democrats hold a narrow majority thanks to Vice President Kamala Harris's tie-breaking vote.

Voters in suburban Cobb County waited up to two hours. "I came after my night shift," said nurse Tamika Jordan, 41. "It's worth it."

The Associated Press counts votes in Georgia for its race calls.""",
        countries="US",
        officials=[
            off("warnock", "Raphael Warnock", "Senator", "US"),
            off("raffensperger", "Brad Raffensperger", "Secretary of State", "US"),
            off("kemp", "Brian Kemp", "Governor", "US"),
            off("harris|kamala harris", "Kamala Harris", "Vice President", "US"),
        ],
        agencies=[AP],
        opt_agencies=[opt("senate"), opt("u s senate")],
        coup="none",
    ),
    dispatch(
        "dev-008",
        "2023-10-18",
        "Jim Jordan loses first House speaker vote as aid to Israel, Ukraine stalls",
        """WASHINGTON (Reuters) - Republican Representative Jim Jordan failed on Tuesday to win the job of speaker of the U.S. House of Representatives, leaving Congress without a leader as President Joe Biden prepared a request for emergency aid to Israel and Ukraine.

Twenty Republicans voted against Jordan, an Ohio conservative and ally of former President Donald Trump, on the first ballot. Jordan said he would keep trying. "We need to get a speaker," he told reporters.

The House has been paralysed since Kevin McCarthy was ousted as speaker on Oct. 3. Interim speaker Patrick McHenry has limited powers.

Biden was due to travel to Israel on Wednesday to show support after the Oct. 7 Hamas attack. The White House said he would meet Prime Minister Benjamin Netanyahu in Tel Aviv and would ask Congress for funding for Israel and Ukraine.

Ukrainian President Volodymyr Zelenskiy has warned that delays in U.S. aid would help Russia. In Kyiv, Foreign Minister Dmytro Kuleba said Ukraine was "confident" support would continue.

Analyst Sarah Binder of the Brookings Institution said the impasse was "unprecedented in modern times".

The vote had nothing to do with Jordan the country, a joke that trended on social media after a House clerk read out "Jordan" more than 200 times.""",
        countries="US IL UA RU",
        opt_countries="JO",
        officials=[
            off("jim jordan", "Jim Jordan", "Representative", "US"),
            off("biden", "Joe Biden", "President", "US"),
            off("mchenry", "Patrick McHenry", "Interim speaker", "US"),
            off("netanyahu", "Benjamin Netanyahu", "Prime Minister", "IL"),
            off("zelenskiy|zelensky|zelenskyy", "Volodymyr Zelenskiy", "President", "UA"),
            off("kuleba", "Dmytro Kuleba", "Foreign Minister", "UA"),
        ],
        opt_officials=[opt("trump"), opt("mccarthy|kevin mccarthy")],
        agencies=[REUTERS],
        opt_agencies=[opt("house of representatives|house"), opt("congress"), opt("white house"), opt("hamas")],
        coup="none",
    ),
    dispatch(
        "dev-009",
        "2020-07-21",
        "Acting Homeland Security chief Chad Wolf defends federal agents in Portland",
        """WASHINGTON (AP) - Acting Homeland Security Secretary Chad Wolf on Tuesday defended the deployment of federal agents to Portland, Oregon, where protesters have clashed nightly with police since the killing of George Floyd.

"I don't need invitations by the state, state mayors or state governors to do our job," Wolf told Fox News. He said the agents were protecting a federal courthouse.

Oregon Gov. Kate Brown called the deployment "a political theater" staged by President Donald Trump. Portland Mayor Ted Wheeler said the agents' presence was making the situation worse.

The Department of Homeland Security said 43 people had been arrested. Protester Chad Miller, 29, a bartender, said he had been hit by a projectile. "We are not rioters," he said.

Democrats in Congress demanded an inquiry. House Speaker Nancy Pelosi said the agents were acting like "stormtroopers".

Chad Wolf has led the department in an acting capacity since November. The Central African nation of Chad was not involved in the story despite a brief spike in online searches, a Google spokesman said.""",
        countries="US",
        opt_countries="TD",
        officials=[
            off("wolf|chad wolf", "Chad Wolf", "Acting Homeland Security Secretary", "US"),
            off("kate brown", "Kate Brown", "Governor", "US"),
            off("trump", "Donald Trump", "President", "US"),
            off("wheeler", "Ted Wheeler", "Mayor", "US"),
            off("pelosi", "Nancy Pelosi", "House Speaker", "US"),
        ],
        agencies=[AP, ag("homeland security|dhs", "Department of Homeland Security", "government", "US")],
        opt_agencies=[opt("police"), opt("congress"), opt("fox news")],
        coup="none",
    ),
    dispatch(
        "dev-010",
        "2021-04-21",
        "Chad's army names Deby's son leader after president killed",
        """N'DJAMENA (Reuters) - Chad's army named President Idriss Deby's son, Mahamat Idriss Deby, as interim head of state on Tuesday after announcing that the veteran leader had died of wounds suffered while visiting troops fighting rebels in the north.

A transitional military council headed by the 37-year-old four-star general dissolved parliament and the government, army spokesman General Azem Bermandoa Agouna said on state television. It promised "free and democratic" elections after 18 months.

Opposition parties denounced what they called "an institutional coup" and said the constitution required the speaker of parliament, Haroun Kabadi, to take over.

The rebels of the Front for Change and Concord in Chad (FACT), who crossed from Libya this month, vowed to march on N'Djamena. FACT spokesman Kingabe Ogouzeimi de Tapol told Reuters that "Chad is not a monarchy".

France, which has its Sahel counter-insurgency force headquartered in the Chadian capital, called Deby "a brave friend". French President Emmanuel Macron will attend the funeral, the Elysee said. The African Union called for a return to civilian rule.

Deby, 68, took power in 1990 and had just been declared winner of a sixth term.""",
        countries="TD LY FR",
        officials=[
            off("idriss deby", "Idriss Deby", "President", "TD"),
            off("mahamat idriss deby|mahamat", "Mahamat Idriss Deby", "interim head of state", "TD"),
            off("agouna|azem bermandoa agouna", "Azem Bermandoa Agouna", "army spokesman", "TD"),
            off("kabadi", "Haroun Kabadi", "speaker of parliament", "TD"),
            off("macron", "Emmanuel Macron", "President", "FR"),
        ],
        agencies=[REUTERS, AU],
        opt_agencies=[
            opt("transitional military council|military council"),
            opt("army"),
            opt("parliament"),
            opt("elysee"),
            opt("state television"),
            opt("front for change and concord in chad|fact"),
        ],
        coup="current",
    ),
]
