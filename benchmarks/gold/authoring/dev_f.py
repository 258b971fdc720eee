from helpers import *  # noqa: F403

DISPATCHES = [
    dispatch(
        "dev-051",
        "2023-09-19",
        "India expels Canadian diplomat as row over Sikh leader's killing escalates",
        """NEW DELHI (PTI) - India expelled a senior Canadian diplomat on Tuesday, hours after Prime Minister Justin Trudeau said Ottawa was investigating "credible allegations" that Indian government agents were linked to the killing of a Sikh separatist leader in British Columbia.

India's Ministry of External Affairs called the allegations "absurd and motivated". Spokesman Arindam Bagchi said Canada should act against "terrorists and extremists" on its soil.

Hardeep Singh Nijjar, a Canadian citizen who campaigned for an independent Sikh homeland, was shot dead outside a temple in Surrey in June. India had designated him a terrorist.

Canadian Foreign Minister Melanie Joly said Ottawa had expelled an Indian diplomat she identified as the head of India's foreign intelligence agency, the Research and Analysis Wing, in Canada.

The White House said it was "deeply concerned". National Security Council spokesman John Kirby urged India to cooperate with the investigation.

Gurpreet Singh, a Surrey temple volunteer, said the community had long feared for its safety. "Now the world knows," he said.

Trade talks between the two countries were paused earlier this month.""",
        countries="IN CA US",
        officials=[
            off("trudeau", "Justin Trudeau", "Prime Minister", "CA"),
            off("bagchi|arindam bagchi", "Arindam Bagchi", "Spokesman of the Ministry of External Affairs", "IN"),
            off("joly", "Melanie Joly", "Foreign Minister", "CA"),
            off("kirby", "John Kirby", "National Security Council spokesman", "US"),
        ],
        agencies=[
            PTI,
            ag(
                "ministry of external affairs|external affairs ministry|mea",
                "Ministry of External Affairs",
                "government",
                "IN",
            ),
            ag("research and analysis wing|raw", "Research and Analysis Wing", "government", "IN"),
            ag("national security council", "National Security Council", "government", "US"),
        ],
        opt_agencies=[opt("white house")],
        coup="none",
    ),
    dispatch(
        "dev-052",
        "2024-01-03",
        "Somalia recalls ambassador to Ethiopia over Somaliland port deal",
        """MOGADISHU (Reuters) - Somalia recalled its ambassador to Ethiopia on Tuesday and called a deal giving landlocked Ethiopia access to the sea through the breakaway region of Somaliland "null and void".

President Hassan Sheikh Mohamud told parliament that "not an inch" of Somali territory would be given away. Somaliland, which declared independence in 1991, is not recognised by any country.

Ethiopian Prime Minister Abiy Ahmed's national security adviser Redwan Hussien said the memorandum of understanding would allow Ethiopia to lease 20 kilometres of coastline for a naval base, in return for possible recognition of Somaliland.

The Arab League and Egypt backed Mogadishu. Egypt's Foreign Ministry said it stressed "the need to fully respect the unity of Somalia". The African Union called for calm, while the regional bloc IGAD said it was "deeply concerned".

U.S. State Department spokesman Matthew Miller said Washington recognised Somalia's sovereignty "within its 1960 borders".

In Hargeisa, Somaliland's capital, crowds waved flags. "This is the day we waited for," said camel trader Abdi Farah. Somaliland leader Muse Bihi Abdi signed the deal in Addis Ababa on Monday.""",
        countries="SO ET EG US",
        officials=[
            off("hassan sheikh mohamud|hassan sheikh", "Hassan Sheikh Mohamud", "President", "SO"),
            off("abiy", "Abiy Ahmed", "Prime Minister", "ET"),
            off("redwan|redwan hussien", "Redwan Hussien", "national security adviser", "ET"),
            off("miller|matthew miller", "Matthew Miller", "State Department spokesman", "US"),
        ],
        opt_officials=[opt("muse bihi abdi|muse bihi")],
        agencies=[
            REUTERS,
            ag("arab league|league of arab states", "Arab League", "international", None),
            foreign_ministry("EG"),
            AU,
            IGAD,
            STATE_DEPT,
        ],
        opt_agencies=[opt("parliament")],
        coup="none",
    ),
    dispatch(
        "dev-053",
        "2024-01-11",
        "South Africa opens genocide case against Israel at World Court",
        """THE HAGUE (AFP) - South Africa asked the International Court of Justice on Thursday to order an emergency suspension of Israel's military campaign in Gaza, accusing it of genocidal acts against Palestinians, charges Israel rejected as "grossly distorted".

South African Justice Minister Ronald Lamola told the 17 judges that "the violence and destruction in Palestine and Israel did not start on Oct. 7". Lawyer Adila Hassim presented the bulk of the case.

Israeli government spokesman Eylon Levy said South Africa was acting as "the legal arm" of Hamas. Israel's legal team will respond on Friday.

Namibia's President Hage Geingob criticised Germany for supporting Israel in the case. In Berlin, government spokesman Steffen Hebestreit said Germany would intervene as a third party.

U.S. State Department spokesman Matthew Miller called the submission "meritless".

The World Court's rulings are binding but it has no means of enforcing them. The Gaza health ministry, run by Hamas, says more than 23,000 people have been killed.

Outside the court, Dutch protester Sanne de Vries held a sign reading "Ceasefire now". Pretoria resident Thabo Mokoena said South Africans "know what apartheid looks like".""",
        countries="ZA IL PS NA DE US NL",
        officials=[
            off("lamola", "Ronald Lamola", "Justice Minister", "ZA"),
            off("eylon levy|levy", "Eylon Levy", "government spokesman", "IL"),
            off("geingob", "Hage Geingob", "President", "NA"),
            off("hebestreit", "Steffen Hebestreit", "government spokesman", "DE"),
            off("miller|matthew miller", "Matthew Miller", "State Department spokesman", "US"),
        ],
        agencies=[
            AFP,
            ag(
                "international court of justice|icj|world court",
                "International Court of Justice",
                "international",
                None,
            ),
            STATE_DEPT,
        ],
        opt_agencies=[opt("hamas"), opt("health ministry|gaza health ministry")],
        coup="none",
    ),
    dispatch(
        "dev-054",
        "2024-01-22",
        "Boakai sworn in as Liberia's president, pledges to fight graft",
        """MONROVIA (AP) - Joseph Boakai was sworn in as Liberia's president on Monday, promising to fight corruption and revive an economy battered by the Ebola epidemic and falling prices for iron ore.

Boakai, 79, a former vice president, defeated football star George Weah in a November runoff. Weah, who conceded defeat swiftly, was praised across West Africa for a peaceful handover.

Boakai appeared to struggle in the heat towards the end of his inauguration speech and was helped away by aides. Information Minister Jerolinmek Piah said later that the president was "fine and in good spirits".

Vice President Jeremiah Koung was sworn in alongside him. Ghana's President Nana Akufo-Addo and Sierra Leone's President Julius Maada Bio attended, as did a U.S. delegation led by Agriculture Secretary Tom Vilsack. Liberia was founded by freed American slaves in the 19th century.

ECOWAS Commission President Omar Alieu Touray said Liberia had given the region "a lesson in democracy" at a time when soldiers rule several of its members.

Market woman Comfort Washington, selling rice near the Capitol building, said: "We want the prices to come down. That's all." Liberia uses both its own dollar and the U.S. dollar.""",
        countries="LR GH SL US",
        officials=[
            off("boakai", "Joseph Boakai", "President", "LR"),
            off("piah|jerolinmek piah", "Jerolinmek Piah", "Information Minister", "LR"),
            off("koung|jeremiah koung", "Jeremiah Koung", "Vice President", "LR"),
            off("akufo-addo|akufo addo", "Nana Akufo-Addo", "President", "GH"),
            off("maada bio|bio", "Julius Maada Bio", "President", "SL"),
            off("vilsack", "Tom Vilsack", "Agriculture Secretary", "US"),
            off("touray", "Omar Alieu Touray", "ECOWAS Commission President", None),
        ],
        opt_officials=[opt("weah|george weah")],
        agencies=[AP, ECOWAS],
        coup="none",
    ),
    dispatch(
        "dev-055",
        "2023-06-24",
        "Wagner mercenaries march on Moscow, then turn back after Belarus deal",
        """MOSCOW (Reuters) - Wagner mercenary chief Yevgeny Prigozhin called off his fighters' march on Moscow late on Saturday after a deal brokered by Belarusian President Alexander Lukashenko, ending the most serious challenge to President Vladimir Putin's rule in more than two decades.

Putin had earlier called the mutiny "treason" and a "stab in the back", and the FSB security service opened a criminal case for armed rebellion. Western officials described it as an attempted coup against the military leadership.

Prigozhin demanded the removal of Defence Minister Sergei Shoigu and Chief of the General Staff Valery Gerasimov. His men seized the southern military headquarters in Rostov-on-Don without resistance, the Russian Defence Ministry acknowledged.

Kremlin spokesman Dmitry Peskov said criminal charges against Prigozhin would be dropped and he would go to Belarus. Wagner fighters who did not join the rebellion would be offered contracts with the ministry.

In Kyiv, President Volodymyr Zelensky said the mutiny showed "Russia's weakness is obvious". U.S. Secretary of State Antony Blinken said the events showed "real cracks".

Rostov resident Natalya Ivanova took photographs with Wagner fighters. "They were polite," she said.""",
        countries="RU BY UA US",
        officials=[
            off("lukashenko", "Alexander Lukashenko", "President", "BY"),
            off("putin", "Vladimir Putin", "President", "RU"),
            off("shoigu", "Sergei Shoigu", "Defence Minister", "RU"),
            off("gerasimov", "Valery Gerasimov", "Chief of the General Staff", "RU"),
            off("peskov", "Dmitry Peskov", "Kremlin spokesman", "RU"),
            off("zelensky|zelenskiy|zelenskyy", "Volodymyr Zelensky", "President", "UA"),
            off("blinken", "Antony Blinken", "Secretary of State", "US"),
        ],
        opt_officials=[opt("prigozhin")],
        agencies=[
            REUTERS,
            ag("fsb|federal security service", "FSB", "government", "RU"),
            defence_ministry("RU"),
            ag("general staff", "General Staff", "military", "RU"),
        ],
        opt_agencies=[opt("wagner"), opt("kremlin"), opt("southern military headquarters")],
        coup="current",
    ),
    dispatch(
        "dev-056",
        "2022-09-26",
        "Iran's president vows firm response as protests over Amini death spread",
        """TEHRAN (Tasnim) - President Ebrahim Raisi said on Sunday that Iran must "deal decisively" with those opposing the country's security, as protests over the death in custody of a young woman spread to dozens of cities for a tenth night.

Mahsa Amini, 22, died after being arrested by the morality police in Tehran for allegedly wearing her headscarf improperly. Interior Minister Ahmad Vahidi said a coroner's report found she had not been beaten.

Rights group Iran Human Rights, based in Oslo, said at least 57 protesters had been killed. State television said 41 people including members of the security forces had died.

Iranian Foreign Ministry spokesman Nasser Kanaani accused Washington of "supporting rioters". The U.S. Treasury had imposed sanctions on the morality police last week.

Germany summoned Iran's ambassador. German Foreign Minister Annalena Baerbock said Berlin would push for EU sanctions. The UN human rights office said it was "alarmed" by the response.

Student Sara, who did not give her surname for fear of arrest, said: "We are not afraid any more." Reporter Niloofar Hamedi, who broke the news of Amini's hospitalisation, has been detained, her newspaper said.""",
        countries="IR US DE",
        opt_countries="NO",
        officials=[
            off("raisi", "Ebrahim Raisi", "President", "IR"),
            off("vahidi|ahmad vahidi", "Ahmad Vahidi", "Interior Minister", "IR"),
            off("kanaani", "Nasser Kanaani", "Foreign Ministry spokesman", "IR"),
            off("baerbock", "Annalena Baerbock", "Foreign Minister", "DE"),
        ],
        agencies=[
            TASNIM,
            foreign_ministry("IR"),
            ag("treasury|department of the treasury", "U.S. Treasury", "government", "US"),
            EU,
            ag("un human rights office|human rights office|ohchr", "UN human rights office", "international", None),
        ],
        opt_agencies=[
            opt("security forces"),
            opt("state television"),
            opt("iran human rights"),
            opt("morality police"),
            UN_OPT,
        ],
        coup="none",
    ),
    dispatch(
        "dev-057",
        "2023-01-09",
        "Lula vows punishment after Bolsonaro supporters storm Brasilia",
        """BRASILIA (Reuters) - Brazilian President Luiz Inacio Lula da Silva vowed on Monday to punish the "fascist fanatics" who stormed Congress, the Supreme Court and the presidential palace, as police detained about 1,500 supporters of former President Jair Bolsonaro.

Justice Minister Flavio Dino said the rioters had committed "terrorism" and a coup attempt, and that those who financed them would be found. Supreme Court Justice Alexandre de Moraes suspended the governor of the Federal District, Ibaneis Rocha, for 90 days over security failures.

Bolsonaro, who has not conceded his October election defeat, was in Florida. He wrote on Twitter that the invasions "crossed the line".

U.S. President Joe Biden called the riots "outrageous" and said he looked forward to working with Lula. The Organization of American States condemned the attacks.

The Brazilian Army said it had dismantled a protest camp outside its headquarters in Brasilia. Defence Minister Jose Mucio said the military remained loyal to the constitution.

Street cleaner Antonio Souza swept broken glass from the Planalto palace ramp. "This is our house," he said.""",
        countries="BR US",
        officials=[
            off("lula", "Luiz Inacio Lula da Silva", "President", "BR"),
            off("dino|flavio dino", "Flavio Dino", "Justice Minister", "BR"),
            off("de moraes|moraes", "Alexandre de Moraes", "Supreme Court Justice", "BR"),
            off("ibaneis rocha|rocha", "Ibaneis Rocha", "governor of the Federal District", "BR"),
            off("biden", "Joe Biden", "President", "US"),
            off("mucio|jose mucio", "Jose Mucio", "Defence Minister", "BR"),
        ],
        opt_officials=[opt("bolsonaro")],
        agencies=[
            REUTERS,
            ag("organization of american states|oas", "Organization of American States", "international", None),
            ag("brazilian army|army", "Brazilian Army", "military", "BR"),
        ],
        opt_agencies=[opt("congress"), opt("supreme court"), opt("police"), opt("military")],
        coup="current",
    ),
    dispatch(
        "dev-058",
        "2024-01-11",
        "Papua New Guinea declares emergency after deadly riots in capital",
        """PORT MORESBY (AFP) - Papua New Guinea declared a 14-day state of emergency on Thursday after riots and looting in the capital and the city of Lae killed at least 16 people, Prime Minister James Marape said.

The unrest began on Wednesday when police officers, soldiers and prison guards walked off the job over a pay cut that the government blamed on an "administrative glitch". Crowds then looted shops across Port Moresby.

Marape suspended the police commissioner, David Manning, and senior finance and treasury officials. More than 1,000 soldiers were put on standby, the PNG Defence Force said.

Australian Prime Minister Anthony Albanese said Canberra stood ready to help. The Chinese embassy lodged a complaint after several Chinese-owned shops were ransacked, and China's Foreign Ministry urged the authorities to protect Chinese nationals.

Papua New Guinea, a nation of 10 million people, shares the island of New Guinea with Indonesia. It has no link to Guinea or Equatorial Guinea in Africa.

Shop owner Wei Lin said his supermarket in Gerehu had been stripped bare. "Everything is gone," he said. Resident Mary Kila said she had hidden her children under the bed.""",
        countries="PG AU CN ID",
        opt_countries="GN GQ",
        officials=[
            off("marape", "James Marape", "Prime Minister", "PG"),
            off("manning|david manning", "David Manning", "police commissioner", "PG"),
            off("albanese", "Anthony Albanese", "Prime Minister", "AU"),
        ],
        agencies=[
            AFP,
            ag("png defence force|defence force|pngdf", "PNG Defence Force", "military", "PG"),
            foreign_ministry("CN"),
        ],
        opt_agencies=[opt("police"), opt("government")],
        coup="none",
    ),
    dispatch(
        "dev-059",
        "2024-05-08",
        "U.S. lawmakers press sanctions on Georgian officials over 'Russian law'",
        """WASHINGTON (AP) - A bipartisan group of U.S. lawmakers introduced legislation on Wednesday that would sanction Georgian officials who undermine democracy, as protests continued in Tbilisi against a bill critics compare to a Russian law used to silence dissent.

Republican Rep. Joe Wilson of South Carolina, who chairs a House subcommittee on the Middle East, Europe and Central Asia, said Georgia's ruling party was "turning the country towards Moscow". The bill is called the MEGOBARI Act, from the Georgian word for friend.

Sen. Jon Ossoff, a Democrat from the U.S. state of Georgia, said he supported "the people of Georgia, the country" in their aspirations to join the European Union, drawing laughter in the Senate.

In Tbilisi, Prime Minister Irakli Kobakhidze said the measures amounted to blackmail. Georgian Dream founder Bidzina Ivanishvili, a billionaire, has accused Western-funded groups of plotting a revolution.

The Georgian Interior Ministry said 14 protesters had been detained overnight. Protester Giorgi Beridze, 19, said police had beaten him.

The State Department said it had reviewed its entire relationship with Georgia. Officials in Atlanta said the confusion had produced dozens of calls to the governor's office.""",
        countries="US GE RU",
        officials=[
            off("joe wilson|wilson", "Joe Wilson", "Representative", "US"),
            off("ossoff", "Jon Ossoff", "Senator", "US"),
            off("kobakhidze", "Irakli Kobakhidze", "Prime Minister", "GE"),
        ],
        opt_officials=[opt("ivanishvili")],
        agencies=[AP, interior_ministry("GE"), STATE_DEPT, EU],
        opt_agencies=[opt("senate"), opt("house"), opt("georgian dream"), opt("police")],
        coup="none",
    ),
    dispatch(
        "dev-060",
        "2024-01-28",
        "Niger, Mali and Burkina Faso announce exit from ECOWAS",
        """NIAMEY (AFP) - The military governments of Niger, Mali and Burkina Faso said on Sunday they were leaving the Economic Community of West African States with immediate effect, accusing the bloc of becoming a tool of "foreign powers".

In a joint statement read on state television, Mali's government spokesman Colonel Abdoulaye Maiga said ECOWAS had "drifted away from the ideals of its founding fathers" and imposed "illegal, illegitimate, inhumane" sanctions.

The three Sahel countries have been led by soldiers since a series of coups between 2020 and 2023. Niger's leader General Abdourahamane Tiani has moved closer to Russia since ousting President Mohamed Bazoum in July.

The ECOWAS Commission said it had not been formally notified and remained "committed to finding a negotiated solution". Nigeria, the bloc's largest economy and Niger's southern neighbour, expressed regret. Nigerian Foreign Minister Yusuf Tuggar said the exits would hurt "the ordinary people of Niger most".

Under the bloc's treaty, withdrawal takes a year. The three states formed an Alliance of Sahel States in September.

Nigerien student Hadiza Abdou said: "ECOWAS closed our borders. Why should we stay?\"""",
        countries="NE ML BF NG RU",
        officials=[
            off("maiga|abdoulaye maiga", "Abdoulaye Maiga", "government spokesman", "ML"),
            off("tiani|tchiani", "Abdourahamane Tiani", "leader", "NE"),
            off("tuggar", "Yusuf Tuggar", "Foreign Minister", "NG"),
        ],
        opt_officials=[opt("bazoum")],
        agencies=[
            AFP,
            ECOWAS,
            ag("ecowas commission", "ECOWAS Commission", "international", None),
            ag("alliance of sahel states|aes", "Alliance of Sahel States", "international", None),
        ],
        opt_agencies=[opt("state television"), opt("government")],
        coup="historical",
    ),
]
