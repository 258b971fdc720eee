from helpers import *  # noqa: F403

DISPATCHES = [
    dispatch(
        "ho-011",
        "2023-10-28",
        "Brazzaville summit of three rainforest basins ends with joint pledge",
        """BRAZZAVILLE (AFP) - Leaders and ministers from countries covering the Amazon, Congo and Borneo-Mekong rainforest basins ended a summit in Congo-Brazzaville on Saturday with a pledge to cooperate on protecting forests, in what the host government called a diplomatic coup for Brazzaville.

President Denis Sassou Nguesso said the three basins were "the lungs of the planet". Environment Minister Arlette Soudan-Nonault said the Republic of the Congo would push for a global forest finance mechanism at the COP28 talks in Dubai.

The Democratic Republic of Congo, which holds most of the Congo Basin forest, was represented by Prime Minister Jean-Michel Sama Lukonde. Kinshasa has auctioned oil blocks in protected areas, angering environmental groups.

Brazil's Environment Minister Marina Silva said the Amazon countries wanted "a common voice". Indonesia sent a deputy minister.

UN Secretary-General Antonio Guterres, in a video message, said rainforests were being destroyed "at a frightening pace". The UN Environment Programme co-organised the meeting.

Greenpeace Africa campaigner Irene Wabiwa said the declaration lacked binding targets. Brazzaville fisherman Jean-Claude Mabiala said: "The forest feeds us.\"""",
        countries="CG CD BR ID",
        opt_countries="AE",
        officials=[
            off("sassou nguesso|sassou", "Denis Sassou Nguesso", "President", "CG"),
            off("soudan nonault", "Arlette Soudan-Nonault", "Environment Minister", "CG"),
            off("sama lukonde|lukonde", "Jean-Michel Sama Lukonde", "Prime Minister", "CD"),
            off("marina silva|silva", "Marina Silva", "Environment Minister", "BR"),
            off("guterres", "Antonio Guterres", "UN Secretary-General", None),
        ],
        agencies=[
            AFP,
            UN,
            ag(
                "un environment programme|unep|united nations environment programme",
                "UN Environment Programme",
                "international",
                None,
            ),
        ],
        opt_agencies=[opt("greenpeace africa|greenpeace"), opt("government")],
        coup="figurative",
    ),
    dispatch(
        "ho-012",
        "2024-06-26",
        "First Kenyan police arrive in Haiti to lead multinational mission",
        """PORT-AU-PRINCE (AP) - The first 400 Kenyan police officers arrived in Haiti on Tuesday to lead a multinational mission against the armed gangs that control most of the capital, nearly two years after Haiti's government requested help.

Haitian Prime Minister Garry Conille welcomed the officers at the airport. "We are happy to see you," he said. Kenyan commander Godfrey Otunge said his officers would "restore law and order".

Kenyan President William Ruto, who flew the contingent off from Nairobi, said Kenya was "on a mission for humanity". A Kenyan court had tried to block the deployment.

The UN Security Council authorised the mission in October. Washington is the main funder, pledging more than $300 million, though no U.S. troops will take part. Secretary of State Antony Blinken said the arrival was "a critical step".

Gang leader Jimmy Cherizier, known as Barbecue, said his fighters would resist "foreign invaders".

Resident Jean Washington, a mechanic in the Delmas district, said gangs had burned his garage. "I hope these police can do something," he said. More than 580,000 Haitians have been displaced by violence.""",
        countries="KE HT US",
        officials=[
            off("conille|garry conille", "Garry Conille", "Prime Minister", "HT"),
            off("otunge|godfrey otunge", "Godfrey Otunge", "commander", "KE"),
            off("ruto", "William Ruto", "President", "KE"),
            off("blinken", "Antony Blinken", "Secretary of State", "US"),
        ],
        agencies=[AP, UNSC],
        opt_agencies=[opt("police|kenyan police"), opt("government"), UN_OPT],
        coup="none",
    ),
    dispatch(
        "ho-013",
        "2023-03-21",
        "Xi and Putin pledge 'new era' of ties in Kremlin talks",
        """MOSCOW (TASS) - Chinese President Xi Jinping and Russian President Vladimir Putin signed agreements on Tuesday deepening their "comprehensive partnership", in talks at the Kremlin that Western analysts said amounted to a diplomatic coup for Moscow days after an international court issued an arrest warrant for Putin.

Putin said China's peace plan for Ukraine could be the basis for a settlement "when the West and Kyiv are ready". Xi said Beijing had "an impartial position".

The International Criminal Court on Friday accused Putin of the war crime of unlawfully deporting Ukrainian children. The Kremlin says Russia does not recognise the court.

Xinhua said the leaders had agreed to expand energy cooperation, including the planned Power of Siberia 2 gas pipeline. Kremlin spokesman Dmitry Peskov told Sputnik there was no agreement yet on the pipeline's route.

In Washington, National Security Council spokesman John Kirby said China was providing "diplomatic cover" for Russia's war. Japanese Prime Minister Fumio Kishida made a surprise visit to Kyiv the same day, meeting President Volodymyr Zelensky.

Moscow pensioner Tatiana Volkova said: "China is our friend now. The West closed its door.\"""",
        countries="CN RU UA US JP",
        officials=[
            off("xi jinping|xi", "Xi Jinping", "President", "CN"),
            off("putin", "Vladimir Putin", "President", "RU"),
            off("peskov", "Dmitry Peskov", "Kremlin spokesman", "RU"),
            off("kirby", "John Kirby", "National Security Council spokesman", "US"),
            off("kishida", "Fumio Kishida", "Prime Minister", "JP"),
            off("zelensky|zelenskiy|zelenskyy", "Volodymyr Zelensky", "President", "UA"),
        ],
        agencies=[
            TASS,
            ag("international criminal court|icc", "International Criminal Court", "international", None),
            XINHUA,
            SPUTNIK,
            ag("national security council", "National Security Council", "government", "US"),
        ],
        opt_agencies=[opt("kremlin")],
        coup="figurative",
    ),
    dispatch(
        "ho-014",
        "2024-02-01",
        "Myanmar junta extends emergency on third anniversary of coup",
        """BANGKOK (Reuters) - Myanmar's military government extended a state of emergency by six months on Wednesday, the eve of the third anniversary of the 2021 coup, as it struggles to contain armed resistance across the country.

Junta spokesman Major General Zaw Min Tun said elections could not be held until "peace and stability" were restored. The military's National Defence and Security Council approved the extension, state media said.

Since the February 2021 coup against Aung San Suu Kyi's elected government, more than 4,400 civilians have been killed, according to a monitoring group. Suu Kyi, 78, is serving a 27-year prison sentence.

The National Unity Government, a shadow administration formed by ousted lawmakers, said the junta was "losing control". An alliance of ethnic armed groups seized dozens of towns near the Chinese border in November.

Thai Foreign Minister Parnpree Bahiddha-Nukara said Thailand would open a humanitarian corridor. The Association of Southeast Asian Nations has barred junta leaders from its summits.

The U.S. State Department, which uses the name Burma, announced new sanctions on two state-owned companies.

In Yangon, shop owner Thiri Aung said: "We don't celebrate anything any more.\"""",
        countries="MM TH US",
        opt_countries="CN",
        officials=[
            off("zaw min tun", "Zaw Min Tun", "Junta spokesman", "MM"),
            off("parnpree", "Parnpree Bahiddha-Nukara", "Foreign Minister", "TH"),
        ],
        opt_officials=[opt("suu kyi|aung san suu kyi")],
        agencies=[
            REUTERS,
            ag(
                "national defence and security council|national defense and security council",
                "National Defence and Security Council",
                "government",
                "MM",
            ),
            ag("association of southeast asian nations|asean", "ASEAN", "international", None),
            STATE_DEPT,
        ],
        opt_agencies=[opt("national unity government"), opt("military"), opt("state media")],
        coup="historical",
    ),
    dispatch(
        "ho-015",
        "2024-09-25",
        "Benin arrests two Talon allies over alleged coup plot",
        """COTONOU (AFP) - Beninese authorities have arrested a businessman close to President Patrice Talon and a former sports minister on suspicion of plotting a coup planned for this week, the public prosecutor said on Wednesday.

Olivier Boko, a long-time friend of Talon, and Oswald Homeky, who served as sports minister until last year, were detained after the commander of the Republican Guard, Colonel Dieudonne Djimon Tevoedjre, reported that they had offered him money to take part, prosecutor Elonm Mario Metonou said.

Homeky was caught handing over six bags of cash to the commander, Metonou said. The two men are accused of conspiracy against state security.

Government spokesman Wilfried Houngbedji said the state "remains solid". Benin, a coastal country once seen as a stable democracy, has faced growing jihadist attacks in the north, spilling over from neighbouring Burkina Faso and Niger.

Boko had been mentioned as a possible candidate for the 2026 presidential election. His lawyer said the accusations were "fabricated".

Cotonou market trader Rachida Sanni said: "We have never had soldiers in power here since the 1970s. We don't want that.\"""",
        countries="BJ BF NE",
        officials=[
            off("talon", "Patrice Talon", "President", "BJ"),
            off("tevoedjre|djimon tevoedjre", "Dieudonne Djimon Tevoedjre", "commander of the Republican Guard", "BJ"),
            off("metonou", "Elonm Mario Metonou", "prosecutor", "BJ"),
            off("houngbedji", "Wilfried Houngbedji", "Government spokesman", "BJ"),
        ],
        opt_officials=[opt("homeky|oswald homeky")],
        agencies=[AFP, ag("republican guard", "Republican Guard", "military", "BJ")],
        opt_agencies=[opt("public prosecutor")],
        coup="current",
    ),
    dispatch(
        "ho-016",
        "2023-05-30",
        "NATO to send more troops to Kosovo after peacekeepers injured",
        """PRISTINA (ANSA) - NATO said on Tuesday it would deploy 700 additional troops to Kosovo after 30 peacekeepers from Italy and Hungary were injured in clashes with Serb protesters in the northern town of Zvecan.

The protesters were trying to stop newly elected ethnic Albanian mayors from entering municipal buildings. Kosovar Prime Minister Albin Kurti said the mayors, elected in a vote boycotted by Serbs, would stay in office.

Italian Prime Minister Giorgia Meloni said the attack on KFOR troops was "unacceptable and irresponsible". Hungarian Foreign Minister Peter Szijjarto said three Hungarian soldiers were seriously hurt and blamed Kurti's "ill-considered" policies.

NATO Secretary General Jens Stoltenberg urged Pristina to de-escalate. Serbian President Aleksandar Vucic put the army on the highest level of combat readiness.

The U.S. ambassador in Pristina, Jeffrey Hovenier, said Washington had removed Kosovo from a military exercise as a sign of displeasure.

Serb protester Dragan Jovanovic, 45, said: "We do not want Albanian mayors we did not elect." Kosovo Police said 52 protesters were hurt.""",
        countries="XK IT HU RS US",
        opt_countries="AL",
        officials=[
            off("kurti", "Albin Kurti", "Prime Minister", "XK"),
            off("meloni", "Giorgia Meloni", "Prime Minister", "IT"),
            off("szijjarto", "Peter Szijjarto", "Foreign Minister", "HU"),
            off("stoltenberg", "Jens Stoltenberg", "NATO Secretary General", None),
            off("vucic", "Aleksandar Vucic", "President", "RS"),
            off("hovenier", "Jeffrey Hovenier", "ambassador", "US"),
        ],
        agencies=[ANSA, NATO, ag("kfor", "KFOR", "military", None)],
        opt_agencies=[opt("army|serbian army"), opt("kosovo police|police")],
        coup="none",
    ),
    dispatch(
        "ho-017",
        "2024-05-20",
        "Iran's President Raisi killed in helicopter crash, state media say",
        """TEHRAN (IRNA) - Iranian President Ebrahim Raisi and Foreign Minister Hossein Amir-Abdollahian were killed when their helicopter crashed in fog in mountains in the northwest of the Islamic Republic, state media said on Monday.

Supreme Leader Ayatollah Ali Khamenei declared five days of mourning and approved First Vice President Mohammad Mokhber as acting president. Elections must be held within 50 days. Deputy Foreign Minister Ali Bagheri Kani was named acting foreign minister, the Tasnim news agency reported.

Raisi was returning from the inauguration of a dam on the border with Azerbaijan, where he had met President Ilham Aliyev. Rescuers found the wreckage after a Turkish drone detected a heat source, Türkiye's Anadolu agency said.

The Iranian Red Crescent said there were no survivors. Russia, China and Iraq sent condolences. European Council President Charles Michel expressed the EU's "sincere condolences".

In Tehran, some residents mourned while others were indifferent. "He was the president, so I am sad," said shopkeeper Reza Ahmadi. Student Parisa, who did not give her surname, said nothing would change.

The semi-official ISNA agency said the helicopter was a U.S.-made Bell 212 bought before the 1979 revolution.""",
        countries="IR AZ TR RU CN IQ US",
        officials=[
            off("raisi", "Ebrahim Raisi", "President", "IR"),
            off("amir abdollahian|abdollahian", "Hossein Amir-Abdollahian", "Foreign Minister", "IR"),
            off("khamenei", "Ali Khamenei", "Supreme Leader", "IR"),
            off("mokhber", "Mohammad Mokhber", "First Vice President", "IR"),
            off("bagheri kani|bagheri", "Ali Bagheri Kani", "Deputy Foreign Minister", "IR"),
            off("aliyev|ilham aliyev", "Ilham Aliyev", "President", "AZ"),
            off("michel|charles michel", "Charles Michel", "European Council President", None),
        ],
        agencies=[IRNA, TASNIM, ANADOLU, ISNA, ag("european council", "European Council", "international", None), EU],
        opt_agencies=[opt("iranian red crescent|red crescent"), opt("state media")],
        coup="none",
    ),
    dispatch(
        "ho-018",
        "2024-06-19",
        "Sudan accuses UAE at Security Council of arming RSF; Emirati envoy rejects claim",
        """NEW YORK (Reuters) - Sudan accused the United Arab Emirates at the UN Security Council on Tuesday of supplying weapons to the paramilitary Rapid Support Forces, prompting an angry rejection from the Emirati envoy.

Sudan's UN ambassador Al-Harith Idriss said the UAE was "the main sponsor" of the war, which began in April 2023 as a power struggle between the army and the RSF. He showed photographs of what he said were Emirati-supplied drones.

UAE ambassador Mohamed Abushahab called the accusations "ludicrous" and said the Sudanese Armed Forces were using the Council "to distract from their own failures". The Emirati Foreign Ministry said the UAE had sent humanitarian aid only.

UN deputy relief chief Joyce Msuya told the Council that famine was spreading in Darfur. The UN's World Food Programme said it could not reach El Fasher.

U.S. ambassador Linda Thomas-Greenfield urged "all external actors" to stop fuelling the conflict. Chad, where hundreds of thousands of Sudanese refugees have fled, called for an arms embargo to be enforced.

Refugee Amna Yahya, speaking by phone from a camp in eastern Chad, said her children had not eaten meat in a year.""",
        countries="SD AE US TD",
        officials=[
            off("idriss|al harith idriss", "Al-Harith Idriss", "UN ambassador", "SD"),
            off("abushahab", "Mohamed Abushahab", "ambassador", "AE"),
            off("msuya|joyce msuya", "Joyce Msuya", "deputy relief chief", None),
            off("thomas greenfield", "Linda Thomas-Greenfield", "ambassador", "US"),
        ],
        agencies=[
            REUTERS,
            UN,
            UNSC,
            ag("sudanese armed forces|saf", "Sudanese Armed Forces", "military", "SD"),
            foreign_ministry("AE"),
            ag("world food programme|wfp", "World Food Programme", "international", None),
        ],
        opt_agencies=[opt("rapid support forces|rsf"), opt("army")],
        coup="none",
    ),
    dispatch(
        "ho-019",
        "2024-10-23",
        "Modi and Xi hold first formal talks in five years after border deal",
        """KAZAN, Russia (PTI) - Prime Minister Narendra Modi and Chinese President Xi Jinping held their first formal bilateral talks in five years on Wednesday on the sidelines of the BRICS summit, days after India and China agreed on patrolling arrangements along their disputed Himalayan border.

"Peace and stability on the border should remain our priority," Modi told Xi, according to India's Ministry of External Affairs. Foreign Secretary Vikram Misri said the two sides had agreed to revive talks between their special representatives.

Chinese Foreign Ministry spokesman Lin Jian said both countries should "properly handle differences". Relations froze after a deadly clash in the Galwan valley in 2020 that killed 20 Indian soldiers and at least four Chinese troops.

Summit host Russian President Vladimir Putin welcomed the thaw. The BRICS leaders' declaration called for reform of the United Nations Security Council and the International Monetary Fund.

Iranian President Masoud Pezeshkian and Egypt's Abdel Fattah al-Sisi attended their first summit since their countries joined the bloc.

In Ladakh, herder Tsering Dorje said his animals had lost grazing grounds since 2020. "We hope we can go back," he said.""",
        countries="IN CN RU IR EG",
        officials=[
            off("modi", "Narendra Modi", "Prime Minister", "IN"),
            off("xi jinping|xi", "Xi Jinping", "President", "CN"),
            off("misri|vikram misri", "Vikram Misri", "Foreign Secretary", "IN"),
            off("lin jian", "Lin Jian", "Foreign Ministry spokesman", "CN"),
            off("putin", "Vladimir Putin", "President", "RU"),
            off("pezeshkian", "Masoud Pezeshkian", "President", "IR"),
            off("sisi|al sisi", "Abdel Fattah al-Sisi", "President", "EG"),
        ],
        agencies=[
            PTI,
            ag("brics", "BRICS", "international", None),
            ag(
                "ministry of external affairs|external affairs ministry|mea",
                "Ministry of External Affairs",
                "government",
                "IN",
            ),
            foreign_ministry("CN"),
            UNSC,
            ag("international monetary fund|imf", "International Monetary Fund", "international", None),
        ],
        opt_agencies=[UN_OPT],
        coup="none",
    ),
    dispatch(
        "ho-020",
        "2024-10-19",
        "Rome court blocks detention of migrants in Albania in blow to Meloni",
        """ROME (ANSA) - An Italian court ordered the return to Italy of 12 migrants held in a new Italian-run centre in Albania, a setback for Prime Minister Giorgia Meloni, who had hailed the offshore scheme as a political coup and a model for Europe.

Judges in Rome ruled that the men, from Egypt and Bangladesh, could not be held because their home countries were not fully safe, citing a recent ruling by the European Court of Justice.

Meloni said she would hold a cabinet meeting to "overcome this obstacle". Interior Minister Matteo Piantedosi said the government would appeal.

Albanian Prime Minister Edi Rama said Tirana would honour its part of the five-year deal. European Commission President Ursula von der Leyen has called the scheme an example of "thinking outside the box".

Spain's Prime Minister Pedro Sanchez said the idea did not work, the EFE agency reported. Several rights groups, including Amnesty International, called the scheme cruel.

Bangladeshi migrant Rahim Uddin, 23, told reporters in Bari he had paid smugglers 8,000 euros to reach Europe. "I only want to work," he said.""",
        countries="IT AL EG BD ES",
        officials=[
            off("meloni", "Giorgia Meloni", "Prime Minister", "IT"),
            off("piantedosi", "Matteo Piantedosi", "Interior Minister", "IT"),
            off("edi rama|rama", "Edi Rama", "Prime Minister", "AL"),
            off("von der leyen", "Ursula von der Leyen", "European Commission President", None),
            off("sanchez|pedro sanchez", "Pedro Sanchez", "Prime Minister", "ES"),
        ],
        agencies=[
            ANSA,
            EFE,
            ag("european court of justice|court of justice", "European Court of Justice", "international", None),
            ag("european commission", "European Commission", "international", None),
        ],
        opt_agencies=[opt("cabinet"), opt("government"), opt("amnesty international")],
        coup="figurative",
    ),
]
