from helpers import *  # noqa: F403

DISPATCHES = [
    dispatch(
        "dev-011",
        "2017-05-31",
        "Truck bomb kills dozens in Kabul diplomatic quarter",
        """KABUL (AFP) - A huge truck bomb exploded in Kabul's diplomatic quarter during the morning rush hour on Wednesday, killing at least 80 people and wounding hundreds near the German embassy, Afghan officials said.

Interior Ministry spokesman Najib Danish said the bomb was hidden in a sewage tanker. "Most of the victims were civilians, including women and children," Danish told reporters, adding that the toll could rise.

President Ashraf Ghani condemned the "cowardly" attack and said the government would not be intimidated. Health ministry spokesman Waheed Majroh said more than 350 wounded had been brought to hospitals across the city.

The Taliban denied involvement. Their spokesman Zabihullah Mujahid said in a statement the group "strongly condemns" attacks on civilians. Afghan intelligence blamed the Haqqani network, which it says is backed by Pakistan.

German Foreign Minister Sigmar Gabriel said an Afghan security guard had been killed and embassy staff wounded. Germany suspended deportations of rejected asylum seekers to Afghanistan.

Shopkeeper Mohammad Hassan, whose shop was destroyed, said: "I have lost everything."

The United Nations mission in Afghanistan said the attack could amount to a war crime. NATO's Resolute Support mission said none of its personnel were hurt.""",
        countries="AF DE PK",
        officials=[
            off("danish|najib danish", "Najib Danish", "Interior Ministry spokesman", "AF"),
            off("ghani", "Ashraf Ghani", "President", "AF"),
            off("majroh", "Waheed Majroh", "Health ministry spokesman", "AF"),
            off("gabriel|sigmar gabriel", "Sigmar Gabriel", "Foreign Minister", "DE"),
        ],
        agencies=[
            AFP,
            interior_ministry("AF"),
            ag("health ministry|ministry of health|ministry of public health", "Health Ministry", "government", "AF"),
            UN,
            NATO,
            ag("resolute support", "Resolute Support", "military", None),
        ],
        opt_agencies=[
            opt("afghan intelligence|intelligence"),
            opt("taliban"),
            opt("haqqani network"),
            opt("united nations mission"),
            opt("government"),
        ],
        coup="none",
    ),
    dispatch(
        "dev-012",
        "2023-11-20",
        "Biden pardons turkeys Liberty and Bell on his 81st birthday",
        """WASHINGTON (AP) - President Joe Biden pardoned two Thanksgiving turkeys named Liberty and Bell at the White House on Monday, keeping alive a holiday tradition on the day he turned 81.

"I want you to know it's difficult turning 60," Biden joked to a crowd on the South Lawn, before sparing the birds from the dinner table. The turkeys, raised in Minnesota, will live at the University of Minnesota.

John Zimmerman, chairman of the National Turkey Federation, presented the birds. Farmer Jose Gomez, who helped raise them, said they had been trained to stay calm around crowds.

Biden also spoke briefly about the war in the Middle East, saying he believed a deal to free hostages held by Hamas in Gaza was close. "I believe so," he said when asked whether an agreement was near. National Security Council spokesman John Kirby later said negotiators were "closer than we've ever been".

About 46 million turkeys are eaten in the United States each Thanksgiving, according to the U.S. Department of Agriculture. Agriculture Secretary Tom Vilsack said avian flu had pushed up prices this year.

The tradition of the presidential turkey pardon was formalised by President George H.W. Bush in 1989.""",
        countries="US",
        opt_countries="PS IL",
        officials=[
            off("biden", "Joe Biden", "President", "US"),
            off("kirby", "John Kirby", "National Security Council spokesman", "US"),
            off("vilsack", "Tom Vilsack", "Agriculture Secretary", "US"),
        ],
        opt_officials=[opt("george h w bush|bush")],
        agencies=[
            AP,
            ag("national security council", "National Security Council", "government", "US"),
            ag(
                "department of agriculture|usda|agriculture department",
                "U.S. Department of Agriculture",
                "government",
                "US",
            ),
        ],
        opt_agencies=[opt("white house"), opt("hamas"), opt("national turkey federation")],
        coup="none",
    ),
    dispatch(
        "dev-013",
        "2023-07-12",
        "North Korea fires new solid-fuel ICBM, South Korean military says",
        """SEOUL (Yonhap) - North Korea launched a long-range ballistic missile off its east coast on Wednesday, South Korea's Joint Chiefs of Staff said, as President Yoon Suk Yeol attended a NATO summit in Lithuania's capital Vilnius.

The missile flew about 1,000 kilometres for 74 minutes before landing in the sea between the Korean peninsula and Japan, the JCS said. It was fired from near Pyongyang.

North Korean state media KCNA said on Thursday that leader Kim Jong Un had personally overseen the test of the solid-fuel Hwasong-18, calling it a warning to "the U.S. imperialists and the South Korean puppets".

Yoon convened an emergency meeting of the National Security Council by video from Vilnius and said Pyongyang would "pay a price" for its provocations. Japanese Prime Minister Fumio Kishida, also in Vilnius, called the launch "absolutely unacceptable".

A day earlier, Kim's powerful sister Kim Yo Jong had threatened to shoot down U.S. spy planes. She is a vice department director of the ruling Workers' Party Central Committee.

The launch was Pyongyang's first ICBM test since April. Fisherman Park Sung-ho, on the island of Ulleungdo, said he heard nothing. NATO Secretary General Jens Stoltenberg condemned the test.""",
        countries="KP KR LT JP US",
        officials=[
            off("yoon|yoon suk yeol", "Yoon Suk Yeol", "President", "KR"),
            off("kim jong un", "Kim Jong Un", "leader", "KP"),
            off("kishida", "Fumio Kishida", "Prime Minister", "JP"),
            off("kim yo jong", "Kim Yo Jong", "vice department director of the Workers' Party Central Committee", "KP"),
            off("stoltenberg", "Jens Stoltenberg", "NATO Secretary General", None),
        ],
        agencies=[
            YONHAP,
            KCNA,
            NATO,
            ag("joint chiefs of staff|jcs", "Joint Chiefs of Staff", "military", "KR"),
            ag("national security council", "National Security Council", "government", "KR"),
        ],
        opt_agencies=[opt("workers party|workers party central committee|central committee")],
        coup="none",
    ),
    dispatch(
        "dev-014",
        "2023-04-17",
        "Khartoum fighting enters third day; South Sudan offers to mediate",
        """KHARTOUM (Reuters) - Fighting between Sudan's army and a powerful paramilitary force raged for a third day on Monday, with air strikes over Khartoum and at least 180 people killed, the United Nations said.

The clashes pit army chief General Abdel Fattah al-Burhan, head of the ruling Sovereign Council, against his deputy, General Mohamed Hamdan Dagalo, known as Hemedti, who commands the Rapid Support Forces (RSF). The two men seized power together in the 2021 coup that derailed Sudan's transition after the 2019 ouster of Omar al-Bashir.

The Sudanese Armed Forces said they had retaken the state broadcaster. The RSF said it controlled the presidential palace; neither claim could be verified.

South Sudan's President Salva Kiir offered to mediate, saying Juba and Khartoum were "one people". The regional bloc IGAD said Kiir, Kenya's President William Ruto and Djibouti's President Ismail Omar Guelleh would travel to Khartoum as soon as possible.

UN Secretary-General Antonio Guterres called for an immediate ceasefire. Egypt, which has troops in Sudan for joint exercises, said its soldiers were safe, according to the Egyptian army spokesman, Colonel Gharib Abdel Hafez.

Doctor Amira Osman said her hospital had run out of blood. "People are bleeding on the floor," she said.""",
        countries="SD SS KE DJ EG",
        officials=[
            off("burhan|al burhan", "Abdel Fattah al-Burhan", "army chief", "SD"),
            off("kiir|salva kiir", "Salva Kiir", "President", "SS"),
            off("ruto", "William Ruto", "President", "KE"),
            off("guelleh", "Ismail Omar Guelleh", "President", "DJ"),
            off("guterres", "Antonio Guterres", "UN Secretary-General", None),
            off("gharib abdel hafez|abdel hafez", "Gharib Abdel Hafez", "army spokesman", "EG"),
        ],
        opt_officials=[opt("dagalo|hemedti"), opt("bashir|omar al bashir")],
        agencies=[
            REUTERS,
            UN,
            IGAD,
            ag("sudanese armed forces|saf", "Sudanese Armed Forces", "military", "SD"),
            ag("sovereign council", "Sovereign Council", "government", "SD"),
        ],
        opt_agencies=[opt("rapid support forces|rsf"), opt("army"), opt("state broadcaster")],
        coup="historical",
    ),
    dispatch(
        "dev-015",
        "2022-11-23",
        "Luanda summit calls for M23 ceasefire in eastern Congo",
        """LUANDA (AFP) - Regional leaders meeting in Angola's capital on Wednesday called for a ceasefire in the Democratic Republic of Congo from Friday and for M23 rebels to withdraw from areas they have seized in the east.

Angolan President Joao Lourenco, the African Union's mediator, hosted Congolese President Felix Tshisekedi and Burundi's President Evariste Ndayishimiye. Rwanda, which Kinshasa accuses of backing the M23, was represented by Foreign Minister Vincent Biruta.

Rwandan President Paul Kagame has denied supporting the rebels and accuses the DRC army of working with the FDLR, a militia founded by Hutu extremists.

M23 spokesman Lawrence Kanyuka said the group was "not concerned" by the decisions because it had not been invited.

Congo's government spokesman Patrick Muyaya said Kinshasa would judge the rebels "by their acts". The East African Community force, led by Kenyan troops, is deploying in North Kivu province.

The Republic of the Congo, DRC's smaller neighbour across the river, whose President Denis Sassou Nguesso has hosted previous talks in Brazzaville, sent a minister to the summit.

More than 180,000 people have fled fighting near Goma since October. Displaced farmer Jeanne Kahindo said she had walked for three days.""",
        countries="AO CD BI RW CG KE",
        officials=[
            off("lourenco", "Joao Lourenco", "President", "AO"),
            off("tshisekedi", "Felix Tshisekedi", "President", "CD"),
            off("ndayishimiye", "Evariste Ndayishimiye", "President", "BI"),
            off("biruta", "Vincent Biruta", "Foreign Minister", "RW"),
            off("kagame", "Paul Kagame", "President", "RW"),
            off("muyaya", "Patrick Muyaya", "government spokesman", "CD"),
            off("sassou nguesso|sassou", "Denis Sassou Nguesso", "President", "CG"),
        ],
        agencies=[AFP, AU, ag("east african community|eac", "East African Community", "international", None)],
        opt_agencies=[opt("m23"), opt("fdlr"), opt("army|drc army"), opt("government")],
        coup="none",
    ),
    dispatch(
        "dev-016",
        "2021-03-23",
        "Sassou Nguesso re-elected in Congo-Brazzaville as rival dies of COVID",
        """BRAZZAVILLE (Reuters) - Denis Sassou Nguesso, who has ruled the Republic of the Congo for 36 years in total, won re-election with 88.57 percent of the vote, Interior Minister Raymond Mboulou announced on Tuesday.

His main challenger, Guy-Brice Parfait Kolelas, died of COVID-19 on Monday while being flown to France for treatment. His campaign director, Christian Cyr Rodrigue Mayanda, asked the Constitutional Court to postpone the results, without success.

Government spokesman Thierry Moungalla said the vote had been "calm and transparent". Internet access was cut on election day.

Congo-Brazzaville, an oil producer, is struggling with debt and is negotiating a new programme with the International Monetary Fund. Across the Congo River, authorities in the Democratic Republic of Congo said they respected the "sovereign choice" of their neighbours.

Sassou Nguesso, 77, first ruled from 1979 to 1992 and returned to power in 1997 after a civil war. A constitutional referendum in 2015 scrapped age and term limits.

In Brazzaville, taxi driver Arnaud Nkounkou said: "Nothing will change."

The African Union observer mission said the election was held "in a peaceful atmosphere".""",
        countries="CG FR CD",
        officials=[
            off("sassou nguesso|sassou", "Denis Sassou Nguesso", "President", "CG"),
            off("mboulou", "Raymond Mboulou", "Interior Minister", "CG"),
            off("moungalla", "Thierry Moungalla", "Government spokesman", "CG"),
        ],
        opt_officials=[opt("kolelas")],
        agencies=[
            REUTERS,
            AU,
            ag("international monetary fund|imf", "International Monetary Fund", "international", None),
        ],
        opt_agencies=[opt("constitutional court"), opt("african union observer mission|observer mission")],
        coup="none",
    ),
    dispatch(
        "dev-017",
        "2019-05-14",
        "Beijing vows to fight back as Washington raises tariffs; apple growers brace",
        """BEIJING (Xinhua) - China said on Tuesday it would "never surrender" to U.S. pressure after Washington raised tariffs on $200 billion of Chinese goods and Beijing retaliated with duties on $60 billion of American products.

Commerce Ministry spokesman Gao Feng said China had "the confidence and the ability" to defend its interests. Foreign Ministry spokesman Geng Shuang said the door to talks remained open.

U.S. Trade Representative Robert Lighthizer said the administration was preparing tariffs on a further $300 billion of imports. President Donald Trump said on Twitter that China had "broken the deal".

In Washington state, which sells more apples abroad than any other U.S. state, growers warned of heavy losses. Governor Jay Inslee said the trade war was "hurting the farmers of Washington". Fruit grower Mike Washington, of Yakima, said his export orders to China had dropped by half.

Vice Premier Liu He, China's chief negotiator, met Lighthizer and Treasury Secretary Steven Mnuchin in Washington last week without a breakthrough.

The Chinese retaliation takes effect on June 1. The International Monetary Fund warned that an escalation could hurt global growth.""",
        countries="CN US",
        officials=[
            off("gao feng", "Gao Feng", "Commerce Ministry spokesman", "CN"),
            off("geng shuang", "Geng Shuang", "Foreign Ministry spokesman", "CN"),
            off("lighthizer", "Robert Lighthizer", "Trade Representative", "US"),
            off("trump", "Donald Trump", "President", "US"),
            off("inslee", "Jay Inslee", "Governor", "US"),
            off("liu he", "Liu He", "Vice Premier", "CN"),
            off("mnuchin", "Steven Mnuchin", "Treasury Secretary", "US"),
        ],
        agencies=[
            XINHUA,
            ag("commerce ministry|ministry of commerce", "Commerce Ministry", "government", "CN"),
            foreign_ministry("CN"),
            ag("international monetary fund|imf", "International Monetary Fund", "international", None),
        ],
        opt_agencies=[opt("trade representative|ustr")],
        coup="none",
    ),
    dispatch(
        "dev-018",
        "2021-02-01",
        "Myanmar military seizes power, detains Aung San Suu Kyi",
        """YANGON (Reuters) - Myanmar's military seized power on Monday in a coup against the democratically elected government of Aung San Suu Kyi, who was detained along with other leaders of her National League for Democracy party in early morning raids.

The army said it had carried out the detentions in response to "election fraud" and handed power to commander-in-chief Min Aung Hlaing, declaring a state of emergency for one year. President Win Myint was also detained, NLD spokesman Myo Nyunt said before he too was taken away.

U.S. President Joe Biden threatened to reimpose sanctions. In a statement, the State Department, which still refers to the country as Burma, said the United States "opposes any attempt to alter the outcome of recent elections".

UN Secretary-General Antonio Guterres "strongly condemned" the detentions, his spokesman Stephane Dujarric said. China, Myanmar's biggest neighbour, said it hoped all sides would "properly handle their differences", Foreign Ministry spokesman Wang Wenbin told reporters in Beijing.

Phone and internet connections were cut in the capital Naypyitaw and in Yangon. Street vendor Daw Khin, 55, said: "We have been through this before. We are afraid."

Myanmar was ruled by the armed forces until 2011, when a quasi-civilian government took office.""",
        countries="MM US CN",
        officials=[
            off("suu kyi|aung san suu kyi", "Aung San Suu Kyi", "State Counsellor", "MM"),
            off("min aung hlaing", "Min Aung Hlaing", "commander-in-chief", "MM"),
            off("win myint", "Win Myint", "President", "MM"),
            off("biden", "Joe Biden", "President", "US"),
            off("guterres", "Antonio Guterres", "UN Secretary-General", None),
            off("dujarric", "Stephane Dujarric", "spokesman for the UN Secretary-General", None),
            off("wang wenbin", "Wang Wenbin", "Foreign Ministry spokesman", "CN"),
        ],
        agencies=[REUTERS, STATE_DEPT, UN, foreign_ministry("CN")],
        opt_agencies=[opt("military"), opt("army"), opt("armed forces"), opt("national league for democracy|nld")],
        coup="current",
    ),
    dispatch(
        "dev-019",
        "2023-03-10",
        "Saudi Arabia and Iran agree to restore ties in deal brokered by China",
        """BEIJING (AFP) - Saudi Arabia and Iran agreed on Friday to restore diplomatic relations and reopen embassies within two months, in a deal brokered by China that analysts called a major diplomatic coup for Beijing in a region long dominated by Washington.

The agreement was signed by Iran's Supreme National Security Council secretary Ali Shamkhani and Saudi national security adviser Musaed al-Aiban after four days of talks, the official Saudi Press Agency and Iran's IRNA news agency reported.

China's top diplomat Wang Yi, director of the Office of the Central Foreign Affairs Commission, hailed "a victory for dialogue". The two countries cut ties in 2016 after protesters stormed the Saudi embassy in Tehran.

In Washington, White House spokesman John Kirby said the United States welcomed any effort to end the war in Yemen, where Riyadh and Tehran back opposing sides, but doubted Iran would honour its commitments.

Iraq and Oman, which hosted earlier rounds of talks, welcomed the agreement. Iranian Foreign Minister Hossein Amir-Abdollahian said the neighbourhood policy was "moving in the right direction".

"It is a coup for Xi Jinping," said Dina Esfandiary, an analyst at the International Crisis Group. Chinese President Xi had visited Riyadh in December.""",
        countries="SA IR CN US YE IQ OM",
        officials=[
            off("shamkhani", "Ali Shamkhani", "Supreme National Security Council secretary", "IR"),
            off("aiban|al aiban", "Musaed al-Aiban", "national security adviser", "SA"),
            off("wang yi", "Wang Yi", "director of the Office of the Central Foreign Affairs Commission", "CN"),
            off("kirby", "John Kirby", "White House spokesman", "US"),
            off("amir abdollahian|abdollahian", "Hossein Amir-Abdollahian", "Foreign Minister", "IR"),
            off("xi jinping|xi", "Xi Jinping", "President", "CN"),
        ],
        agencies=[
            AFP,
            IRNA,
            ag("saudi press agency|spa", "Saudi Press Agency", "news_agency", "SA"),
            ag(
                "supreme national security council|national security council",
                "Supreme National Security Council",
                "government",
                "IR",
            ),
        ],
        opt_agencies=[opt("central foreign affairs commission"), opt("white house"), opt("international crisis group")],
        coup="figurative",
    ),
    dispatch(
        "dev-020",
        "2023-09-25",
        "Kosovar police say Serb gunmen behind monastery siege",
        """PRISTINA (Reuters) - Kosovo's Prime Minister Albin Kurti accused Serbia on Monday of backing a group of heavily armed Serb gunmen who killed a Kosovar police officer and barricaded themselves in a monastery in the village of Banjska.

Three gunmen were killed in a day-long shootout on Sunday. Interior Minister Xhelal Svecla said police had seized weapons and explosives "worth millions of euros", including rocket launchers, which he said could only have come from Belgrade.

Serbian President Aleksandar Vucic denied that Serbia was involved and described the dead gunmen as Kosovo Serbs who had "rebelled" against Kurti's "terror". He declared a day of mourning.

Milan Radoicic, a Kosovo Serb businessman and former vice president of the Belgrade-backed Serbian List party, later said he had organised the group.

EU foreign policy chief Josep Borrell condemned the "hideous attack" on Kosovo police. The NATO-led peacekeeping force KFOR increased patrols in the north.

Kosovo declared independence from Serbia in 2008, which Belgrade does not recognise. The slain officer, Afrim Bunjaku, was buried in his home village.

Kosovar shopkeeper Blerim Krasniqi in Mitrovica said the town was tense.""",
        countries="XK RS",
        officials=[
            off("kurti", "Albin Kurti", "Prime Minister", "XK"),
            off("svecla", "Xhelal Svecla", "Interior Minister", "XK"),
            off("vucic", "Aleksandar Vucic", "President", "RS"),
            off("borrell", "Josep Borrell", "EU foreign policy chief", None),
        ],
        opt_officials=[opt("bunjaku|afrim bunjaku")],
        agencies=[REUTERS, EU, NATO, ag("kfor", "KFOR", "military", None)],
        opt_agencies=[opt("police|kosovo police"), opt("serbian list")],
        coup="none",
    ),
]
