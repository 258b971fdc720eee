from helpers import *  # noqa: F403

DISPATCHES = [
    dispatch(
        "dev-031",
        "2024-06-27",
        "Bolivia's army chief arrested after failed coup attempt in La Paz",
        """LA PAZ (EFE) - Bolivian police arrested the former army commander, General Juan Jose Zuniga, on Wednesday hours after troops and armoured vehicles tried to storm the government palace in what President Luis Arce called an attempted coup.

Arce confronted Zuniga in the doorway of the palace in Plaza Murillo, ordering him to withdraw, in a scene broadcast live on television. He then swore in a new army chief, General Jose Wilson Sanchez, who ordered the troops back to their barracks.

"I ask the Bolivian people to mobilise against the coup d'etat and in favour of democracy," Arce said. Government Minister Eduardo del Castillo said 17 people had been arrested.

Before his arrest, Zuniga claimed that Arce had asked him to stage the operation to boost his popularity, a claim the government rejected as "lies".

The Organization of American States condemned the "deployment of army units". Brazil's President Luiz Inacio Lula da Silva said he was "a lover of democracy" and wanted it to prevail in Latin America. Chile's President Gabriel Boric and Mexico's Foreign Ministry also expressed support for Arce.

Former President Evo Morales, now Arce's rival, called on supporters to block roads. Street vendor Rosa Mamani said she closed her stall in fear.""",
        countries="BO BR CL MX",
        officials=[
            off("zuniga", "Juan Jose Zuniga", "army commander", "BO"),
            off("arce|luis arce", "Luis Arce", "President", "BO"),
            off("wilson sanchez|jose wilson sanchez", "Jose Wilson Sanchez", "army chief", "BO"),
            off("del castillo|eduardo del castillo", "Eduardo del Castillo", "Government Minister", "BO"),
            off("lula", "Luiz Inacio Lula da Silva", "President", "BR"),
            off("boric", "Gabriel Boric", "President", "CL"),
        ],
        opt_officials=[opt("morales|evo morales")],
        agencies=[
            EFE,
            ag("organization of american states|oas", "Organization of American States", "international", None),
            foreign_ministry("MX"),
        ],
        opt_agencies=[opt("police"), opt("army"), opt("government")],
        coup="current",
    ),
    dispatch(
        "dev-032",
        "2023-08-30",
        "Gabon officers seize power after Bongo declared election winner",
        """LIBREVILLE (Reuters) - Military officers in Gabon said on Wednesday they had taken power and placed President Ali Bongo Ondimba under house arrest, minutes after the electoral body declared him the winner of a third term.

Appearing on the Gabon 24 television channel, a dozen officers said they represented "all the security and defence forces" and were cancelling the election results. Hours later they named General Brice Oligui Nguema, head of the Republican Guard, as transitional leader.

In a video from his residence, Bongo appealed to "friends all over the world" to "make noise". One of his sons, Noureddin Bongo Valentin, was arrested on charges of treason.

The coup was the eighth in West and Central Africa since 2020. The African Union suspended Gabon, and the Economic Community of Central African States said it would hold an emergency summit.

France, which has 400 troops in Gabon, condemned the takeover. French government spokesman Olivier Veran said Paris was following events "with the greatest attention". China called for Bongo's safety to be guaranteed.

Neighbouring Equatorial Guinea and the Republic of the Congo said they were watching closely. In Libreville, crowds sang the national anthem. "We are free," said taxi driver Landry Mba.""",
        countries="GA FR CN GQ CG",
        officials=[
            off("ali bongo|bongo ondimba", "Ali Bongo Ondimba", "President", "GA"),
            off("oligui nguema|oligui", "Brice Oligui Nguema", "head of the Republican Guard", "GA"),
            off("veran", "Olivier Veran", "government spokesman", "FR"),
        ],
        opt_officials=[opt("noureddin bongo valentin|noureddin")],
        agencies=[
            REUTERS,
            AU,
            ag(
                "economic community of central african states|eccas",
                "Economic Community of Central African States",
                "international",
                None,
            ),
            ag("republican guard", "Republican Guard", "military", "GA"),
        ],
        opt_agencies=[opt("security and defence forces"), opt("gabon 24"), opt("electoral body")],
        coup="current",
    ),
    dispatch(
        "dev-033",
        "2023-09-11",
        "Chile marks 50 years since Pinochet coup amid deep divisions",
        """SANTIAGO (AFP) - Chile on Monday marked the 50th anniversary of the 1973 military coup that toppled socialist President Salvador Allende and brought General Augusto Pinochet to power, with President Gabriel Boric warning that democracy could never be taken for granted.

"The coup was inevitable? No, it was not," Boric said at La Moneda palace, which air force jets bombed on Sept. 11, 1973. He was joined by Mexican President Andres Manuel Lopez Obrador, Colombian President Gustavo Petro and Uruguay's Luis Lacalle Pou, among others.

More than 3,000 people were killed or disappeared under Pinochet's 17-year dictatorship, which was backed by Washington. Declassified documents released last month by the U.S. State Department showed President Richard Nixon had been briefed on the coup plans.

Right-wing opposition lawmakers refused to sign a declaration drafted by Boric's government. Republican Party leader Jose Antonio Kast said the coup had been "the result of a failed government".

Human rights lawyer Lorena Pizarro, whose father disappeared in 1976, said: "We still do not know where they are."

At night, thousands marched with candles to the General Cemetery in Santiago, where a memorial lists the names of the dead.""",
        countries="CL MX CO UY US",
        officials=[
            off("boric", "Gabriel Boric", "President", "CL"),
            off("lopez obrador", "Andres Manuel Lopez Obrador", "President", "MX"),
            off("petro", "Gustavo Petro", "President", "CO"),
            off("lacalle pou", "Luis Lacalle Pou", "President", "UY"),
        ],
        opt_officials=[
            opt("allende|salvador allende"),
            opt("pinochet|augusto pinochet"),
            opt("nixon|richard nixon"),
            opt("kast|jose antonio kast"),
        ],
        agencies=[AFP, STATE_DEPT],
        opt_agencies=[opt("air force"), opt("republican party"), opt("government")],
        coup="historical",
    ),
    dispatch(
        "dev-034",
        "2023-08-22",
        "Thaksin returns to Thailand after 15 years as ally elected PM",
        """BANGKOK (Reuters) - Former Thai prime minister Thaksin Shinawatra returned home on Tuesday after 15 years in self-imposed exile and was taken to the Supreme Court and then to prison, hours before parliament elected property tycoon Srettha Thavisin as prime minister.

Thaksin, 74, was ousted in a 2006 coup and convicted in absentia of abuse of power. Hundreds of red-shirted supporters greeted him at Don Mueang airport in Bangkok.

Srettha, of the Pheu Thai party founded by Thaksin's allies, won the votes of 482 lawmakers, including many from military-backed parties. His coalition includes the party of caretaker Prime Minister Prayuth Chan-ocha, the former army chief who led a coup in 2014.

The Move Forward party, which won the most seats in May's election, was blocked from power by the military-appointed Senate. Its leader Pita Limjaroenrat said the deal "betrayed voters".

The Corrections Department said Thaksin would be held in a separate wing for elderly inmates because of his health.

China's Foreign Ministry congratulated Srettha. Analyst Thitinan Pongsudhirak of Chulalongkorn University said the establishment and Thaksin had "struck a grand bargain".

Fruit seller Somchai Boonmee said he hoped prices would fall.""",
        countries="TH CN",
        officials=[
            off("srettha", "Srettha Thavisin", "prime minister", "TH"),
            off("prayuth|prayut", "Prayuth Chan-ocha", "caretaker Prime Minister", "TH"),
        ],
        opt_officials=[opt("thaksin"), opt("pita|pita limjaroenrat")],
        agencies=[
            REUTERS,
            ag("corrections department|department of corrections", "Corrections Department", "government", "TH"),
            foreign_ministry("CN"),
        ],
        opt_agencies=[opt("supreme court"), opt("parliament"), opt("senate"), opt("pheu thai"), opt("move forward")],
        coup="historical",
    ),
    dispatch(
        "dev-035",
        "2023-09-09",
        "African Union joins G20 as New Delhi summit adopts declaration",
        """NEW DELHI (PTI) - The African Union became a permanent member of the Group of 20 on Saturday, Indian Prime Minister Narendra Modi announced at the opening of the bloc's summit in New Delhi, which later adopted a joint declaration avoiding direct condemnation of Russia.

Modi invited Comoros President Azali Assoumani, the AU's chairperson, to take his seat among G20 leaders. "This is a historic moment," Azali said.

The declaration spoke of "the war in Ukraine" and called on all states to refrain from the use of force to grab territory. Russian Foreign Minister Sergei Lavrov called the summit "a success". Ukraine's Foreign Ministry spokesman Oleg Nikolenko said it was "nothing to be proud of".

U.S. President Joe Biden, Saudi Crown Prince Mohammed bin Salman and Modi announced a rail and shipping corridor linking India to Europe via the Middle East. Chinese Premier Li Qiang attended in place of President Xi Jinping.

External Affairs Minister S. Jaishankar said India had "brought the Global South to the centre" of the G20.

Shopkeepers near Pragati Maidan, the venue, were told to close for three days. "We lost business but it's for the country's pride," said tea seller Ramesh Kumar.""",
        countries="IN RU UA US SA CN KM",
        officials=[
            off("modi", "Narendra Modi", "Prime Minister", "IN"),
            off("azali|azali assoumani", "Azali Assoumani", "President", "KM"),
            off("lavrov", "Sergei Lavrov", "Foreign Minister", "RU"),
            off("nikolenko", "Oleg Nikolenko", "Foreign Ministry spokesman", "UA"),
            off("biden", "Joe Biden", "President", "US"),
            off("mohammed bin salman", "Mohammed bin Salman", "Crown Prince", "SA"),
            off("li qiang", "Li Qiang", "Premier", "CN"),
            off("xi jinping", "Xi Jinping", "President", "CN"),
            off("jaishankar", "S. Jaishankar", "External Affairs Minister", "IN"),
        ],
        agencies=[PTI, AU, ag("g20|group of 20", "G20", "international", None), foreign_ministry("UA")],
        coup="none",
    ),
    dispatch(
        "dev-036",
        "2021-05-25",
        "Mali's military detains interim president in second coup in nine months",
        """BAMAKO (AFP) - Mali's interim President Bah Ndaw and Prime Minister Moctar Ouane were stripped of their powers on Tuesday by Vice President Colonel Assimi Goita, a day after soldiers detained them at a military base in Kati, in what diplomats called a second coup in nine months.

Goita, who led the August 2020 coup that ousted President Ibrahim Boubacar Keita, said Ndaw and Ouane had tried to "sabotage" the transition by forming a new government without consulting him. The reshuffle had removed two officers, including Defence Minister Sadio Camara.

ECOWAS mediator Goodluck Jonathan, a former Nigerian president, arrived in Bamako for talks. The United Nations mission in Mali, MINUSMA, called for the leaders' immediate release.

French President Emmanuel Macron said France would not remain alongside a country "where there is no longer democratic legitimacy". The European Union threatened sanctions.

A spokesman for the Malian army, Colonel Souleymane Dembele, said elections would still be held in February 2022.

In the capital, residents went about their business. "They are all soldiers, whoever is in charge," said motorbike taxi driver Boubacar Traore.""",
        countries="ML NG FR",
        officials=[
            off("ndaw|bah ndaw|n daw", "Bah Ndaw", "interim President", "ML"),
            off("ouane|moctar ouane", "Moctar Ouane", "Prime Minister", "ML"),
            off("goita", "Assimi Goita", "Vice President", "ML"),
            off("camara|sadio camara", "Sadio Camara", "Defence Minister", "ML"),
            off("goodluck jonathan|jonathan", "Goodluck Jonathan", "ECOWAS mediator", None),
            off("macron", "Emmanuel Macron", "President", "FR"),
            off("dembele|souleymane dembele", "Souleymane Dembele", "army spokesman", "ML"),
        ],
        opt_officials=[opt("keita|ibrahim boubacar keita")],
        agencies=[AFP, ECOWAS, UN, ag("minusma", "MINUSMA", "international", None), EU],
        opt_agencies=[opt("army|malian army"), opt("government")],
        coup="current",
    ),
    dispatch(
        "dev-037",
        "2022-11-02",
        "Ethiopia and Tigray forces agree to end two-year war",
        """PRETORIA (Reuters) - Ethiopia's government and forces from the northern Tigray region agreed on Wednesday to a "permanent cessation of hostilities" after talks mediated by the African Union in South Africa's capital.

The AU's envoy for the Horn of Africa, former Nigerian President Olusegun Obasanjo, said the deal provided for disarmament, restoration of services and unhindered humanitarian access. Kenya's former president Uhuru Kenyatta was part of the mediation panel.

Redwan Hussien, national security adviser to Prime Minister Abiy Ahmed, led the government delegation. Tigrayan negotiator Getachew Reda said his side had made "painful concessions".

Abiy, awarded the Nobel Peace Prize in 2019, said the agreement was "monumental". The Ethiopian National Defense Force said it would halt operations. It was unclear whether troops from Eritrea, which fought alongside federal forces, would withdraw.

South African President Cyril Ramaphosa hailed "a new dawn". UN Secretary-General Antonio Guterres called the deal "a welcome first step".

Tens of thousands have been killed since November 2020. Mekelle resident Tsega Berhe, a teacher, said: "We have had no bank, no phone and no medicine for a year.\"""",
        countries="ET ZA NG KE ER",
        officials=[
            off("obasanjo", "Olusegun Obasanjo", "AU envoy for the Horn of Africa", None),
            off("redwan|redwan hussien", "Redwan Hussien", "national security adviser", "ET"),
            off("abiy|abiy ahmed", "Abiy Ahmed", "Prime Minister", "ET"),
            off("ramaphosa", "Cyril Ramaphosa", "President", "ZA"),
            off("guterres", "Antonio Guterres", "UN Secretary-General", None),
        ],
        opt_officials=[opt("kenyatta|uhuru kenyatta")],
        agencies=[
            REUTERS,
            AU,
            ag(
                "ethiopian national defense force|endf|national defense force",
                "Ethiopian National Defense Force",
                "military",
                "ET",
            ),
            UN,
        ],
        opt_agencies=[opt("government"), opt("federal forces"), opt("tigray forces")],
        coup="none",
    ),
    dispatch(
        "dev-038",
        "2024-07-29",
        "Maduro declared winner of disputed Venezuela vote; opposition claims victory",
        """CARACAS (EFE) - Venezuela's National Electoral Council declared President Nicolas Maduro the winner of Sunday's presidential election with 51.2 percent of the vote, a result immediately rejected by the opposition and questioned by the United States and several Latin American governments.

Council president Elvis Amoroso, a close Maduro ally, said opposition candidate Edmundo Gonzalez had received 44.2 percent. Opposition leader Maria Corina Machado said their own tally of precinct results showed Gonzalez had won "by a landslide".

Secretary of State Antony Blinken said Washington had "serious concerns that the result announced does not reflect the will or the votes of the Venezuelan people".

Foreign Minister Yvan Gil said Caracas was expelling diplomats from Argentina, Chile, Peru and four other countries that had criticised the vote. Argentine President Javier Milei called Maduro a "dictator".

Brazil and Colombia, led by left-wing presidents, called for the publication of detailed voting records. Celso Amorim, chief foreign policy adviser to Brazilian President Lula, was in Caracas as an observer.

Protests broke out in several working-class districts of the capital. "We want change," said motorcycle mechanic Luis Perez.""",
        countries="VE US AR CL PE BR CO",
        officials=[
            off("maduro", "Nicolas Maduro", "President", "VE"),
            off("amoroso", "Elvis Amoroso", "National Electoral Council president", "VE"),
            off("blinken", "Antony Blinken", "Secretary of State", "US"),
            off("yvan gil|gil", "Yvan Gil", "Foreign Minister", "VE"),
            off("milei", "Javier Milei", "President", "AR"),
            off("amorim", "Celso Amorim", "chief foreign policy adviser", "BR"),
            off("lula", "Lula", "President", "BR"),
        ],
        opt_officials=[opt("gonzalez|edmundo gonzalez"), opt("machado")],
        agencies=[EFE, ag("national electoral council|cne", "National Electoral Council", "government", "VE")],
        coup="none",
    ),
    dispatch(
        "dev-039",
        "2023-11-22",
        "Israel and Hamas agree four-day truce, hostage release in Qatar-brokered deal",
        """DOHA (AFP) - Israel and Hamas agreed on Wednesday to a four-day truce in Gaza and the release of 50 hostages in exchange for 150 Palestinian prisoners, Qatar's Foreign Ministry said, in the first breakthrough since the war began on Oct. 7.

Qatari Foreign Ministry spokesman Majed al-Ansari said the start time would be announced within 24 hours. The deal was mediated by Qatar with Egypt and the United States.

Israeli Prime Minister Benjamin Netanyahu said the war would continue after the pause "until we achieve all our goals". The Israel Defense Forces said troops would hold their positions in northern Gaza during the truce.

U.S. President Joe Biden thanked Qatar's Emir Sheikh Tamim bin Hamad Al Thani and Egyptian President Abdel Fattah al-Sisi for their "critical leadership".

Hamas political bureau member Osama Hamdan said aid trucks would enter the enclave, including fuel.

The International Committee of the Red Cross said it was ready to facilitate the releases.

In Tel Aviv, relatives of hostages kept vigil. "We won't rest until everyone is home," said Yael Adar, whose son is held in Gaza.""",
        countries="IL QA PS EG US",
        officials=[
            off("ansari|al ansari|majed al ansari", "Majed al-Ansari", "Foreign Ministry spokesman", "QA"),
            off("netanyahu", "Benjamin Netanyahu", "Prime Minister", "IL"),
            off("biden", "Joe Biden", "President", "US"),
            off("tamim", "Tamim bin Hamad Al Thani", "Emir", "QA"),
            off("sisi|al sisi", "Abdel Fattah al-Sisi", "President", "EG"),
        ],
        opt_officials=[opt("hamdan|osama hamdan")],
        agencies=[
            AFP,
            foreign_ministry("QA"),
            ag("israel defense forces|idf", "Israel Defense Forces", "military", "IL"),
        ],
        opt_agencies=[opt("hamas"), opt("international committee of the red cross|red cross|icrc")],
        coup="none",
    ),
    dispatch(
        "dev-040",
        "2023-12-15",
        "Orban blocks EU's 50 billion euro Ukraine aid after opening door to talks",
        """BRUSSELS (ANSA) - Hungarian Prime Minister Viktor Orban on Friday blocked a 50 billion euro European Union aid package for Ukraine, hours after the bloc agreed to open membership negotiations with Kyiv while he stepped out of the room.

European Council President Charles Michel called the decision to start accession talks "a clear signal of hope" for Ukrainians. Ukrainian President Volodymyr Zelensky called it "a victory for Ukraine. A victory for all of Europe."

Orban, the Kremlin's closest ally in the bloc, said Hungary had "not changed its position" on Ukraine and would veto the aid until the European Commission released frozen funds for Budapest. Hungarian state news agency MTI quoted him as saying the accession decision was "a bad decision".

Commission President Ursula von der Leyen said the EU would find a way to fund Ukraine "one way or another". Italian Prime Minister Giorgia Meloni told ANSA she was confident of a deal in January.

The summit also agreed to open talks with Moldova and grant candidate status to Georgia, a decision welcomed by the Georgian President Salome Zourabichvili in Tbilisi.

Ukrainian soldier Andriy Kovalenko, speaking by phone from the front near Avdiivka, said: "Words are nice. We need shells.\"""",
        countries="HU UA IT MD GE RU",
        opt_countries="BE",
        officials=[
            off("orban", "Viktor Orban", "Prime Minister", "HU"),
            off("michel|charles michel", "Charles Michel", "European Council President", None),
            off("zelensky|zelenskiy|zelenskyy", "Volodymyr Zelensky", "President", "UA"),
            off("von der leyen", "Ursula von der Leyen", "Commission President", None),
            off("meloni", "Giorgia Meloni", "Prime Minister", "IT"),
            off("zourabichvili", "Salome Zourabichvili", "President", "GE"),
        ],
        agencies=[
            ANSA,
            EU,
            ag("european council", "European Council", "international", None),
            ag("european commission|commission", "European Commission", "international", None),
            ag("mti", "MTI", "news_agency", "HU"),
        ],
        opt_agencies=[opt("kremlin")],
        coup="none",
    ),
]
