from helpers import *  # noqa: F403

DISPATCHES = [
    dispatch(
        "dev-021",
        "2023-07-11",
        "Türkiye drops objection to Sweden's NATO bid on eve of Vilnius summit",
        """VILNIUS (AFP) - Türkiye agreed on Monday to send Sweden's application to join NATO to its parliament for ratification, removing the main obstacle to the Nordic country's membership, NATO Secretary General Jens Stoltenberg announced.

The breakthrough came after an hour-long meeting in Vilnius between President Recep Tayyip Erdoğan, Swedish Prime Minister Ulf Kristersson and Stoltenberg on the eve of the alliance's summit in the Lithuanian capital.

Ankara had accused Stockholm of harbouring members of the Kurdistan Workers' Party (PKK), which Türkiye, the European Union and the United States list as a terrorist group. Sweden agreed to step up counter-terrorism cooperation and to support reviving Türkiye's EU accession process.

U.S. President Joe Biden welcomed the deal and said he stood ready to work with Erdoğan on "enhancing defense and deterrence". U.S. National Security Adviser Jake Sullivan said Washington would move forward with the transfer of F-16 fighter jets to Turkey in consultation with Congress.

Turkish Foreign Minister Hakan Fidan and his Swedish counterpart Tobias Billström will lead a new security dialogue, the Turkish Foreign Ministry said.

Finland joined NATO in April. Hungary has also yet to ratify Sweden's bid; Hungarian Foreign Minister Péter Szijjártó said Budapest would not be the last to approve it.""",
        countries="TR SE LT US FI HU",
        officials=[
            off("stoltenberg", "Jens Stoltenberg", "NATO Secretary General", None),
            off("erdogan", "Recep Tayyip Erdogan", "President", "TR"),
            off("kristersson", "Ulf Kristersson", "Prime Minister", "SE"),
            off("biden", "Joe Biden", "President", "US"),
            off("sullivan|jake sullivan", "Jake Sullivan", "National Security Adviser", "US"),
            off("fidan|hakan fidan", "Hakan Fidan", "Foreign Minister", "TR"),
            off("billstrom", "Tobias Billstrom", "Foreign Minister", "SE"),
            off("szijjarto", "Peter Szijjarto", "Foreign Minister", "HU"),
        ],
        agencies=[AFP, NATO, EU, foreign_ministry("TR")],
        opt_agencies=[opt("parliament"), opt("congress"), opt("kurdistan workers party|pkk")],
        coup="none",
    ),
    dispatch(
        "dev-022",
        "2022-07-22",
        "Russia, Ukraine sign grain export deal in Istanbul in coup for Ankara",
        """ISTANBUL (Anadolu) - Russia and Ukraine signed a deal on Friday to reopen Ukraine's Black Sea ports for grain exports, in an agreement brokered by Turkey and the United Nations that diplomats described as a diplomatic coup for Ankara.

Russian Defence Minister Sergei Shoigu and Ukrainian Infrastructure Minister Oleksandr Kubrakov signed separate, identical accords with Turkey and the UN at a ceremony in Istanbul's Dolmabahce Palace attended by President Recep Tayyip Erdogan and UN Secretary-General Antonio Guterres.

"Today there is a beacon on the Black Sea," Guterres said. Erdogan said the deal would help prevent a global food crisis.

A joint coordination centre will be set up in Istanbul, Turkish Defence Minister Hulusi Akar said. Ships will be inspected to ensure they carry no weapons, a key demand of Moscow.

Kyiv said it did not trust Russia. Presidential adviser Mykhailo Podolyak said any Russian provocation would be met with "an immediate military response".

In Moscow, Kremlin spokesman Dmitry Peskov said the agreement would be implemented as long as Western sanctions did not block Russian grain and fertiliser sales, RIA Novosti reported.

Wheat prices fell on the news. Egyptian baker Ahmed Fawzi said: "We have waited months for this.\"""",
        countries="RU UA TR EG",
        officials=[
            off("shoigu", "Sergei Shoigu", "Defence Minister", "RU"),
            off("kubrakov", "Oleksandr Kubrakov", "Infrastructure Minister", "UA"),
            off("erdogan", "Recep Tayyip Erdogan", "President", "TR"),
            off("guterres", "Antonio Guterres", "UN Secretary-General", None),
            off("akar|hulusi akar", "Hulusi Akar", "Defence Minister", "TR"),
            off("podolyak", "Mykhailo Podolyak", "Presidential adviser", "UA"),
            off("peskov", "Dmitry Peskov", "Kremlin spokesman", "RU"),
        ],
        agencies=[ANADOLU, UN, RIA],
        opt_agencies=[opt("joint coordination centre"), opt("kremlin")],
        coup="figurative",
    ),
    dispatch(
        "dev-023",
        "2020-11-03",
        "Ouattara declared winner of disputed third term in Côte d'Ivoire",
        """ABIDJAN (Reuters) - Ivory Coast's President Alassane Ouattara won a third term with 94.27 percent of the vote, the electoral commission said on Tuesday, after an election boycotted by the main opposition parties and marred by deadly violence.

Opposition leaders Henri Konan Bedie, a former president, and Pascal Affi N'Guessan said they did not recognise the result and announced a rival "transitional council". Police surrounded Bedie's home in Abidjan on Tuesday.

Security and Interior Minister Vagondo Diomande said at least 40 people had been killed in clashes since August. Prime Minister Hamed Bakayoko called on the opposition to "return to reason".

Ouattara, 78, had said he would step down but changed his mind after the sudden death of his chosen successor, Amadou Gon Coulibaly, in July. Critics say a third term violates the constitution of Côte d'Ivoire; the Constitutional Council disagreed.

The United Nations, the African Union and ECOWAS sent a joint mission urging dialogue. France, the former colonial power, urged "restraint", the French Foreign Ministry said.

Cocoa farmer Koffi Yao, near Daoukro, said he had not dared to vote. "We remember 2011," he said, referring to the post-election crisis that killed 3,000 people.""",
        countries="CI FR",
        officials=[
            off("ouattara", "Alassane Ouattara", "President", "CI"),
            off("diomande|vagondo diomande", "Vagondo Diomande", "Security and Interior Minister", "CI"),
            off("bakayoko|hamed bakayoko", "Hamed Bakayoko", "Prime Minister", "CI"),
        ],
        opt_officials=[opt("bedie|konan bedie"), opt("gon coulibaly|amadou gon coulibaly")],
        agencies=[REUTERS, UN, AU, ECOWAS, foreign_ministry("FR")],
        opt_agencies=[
            opt("electoral commission"),
            opt("constitutional council"),
            opt("police"),
            opt("transitional council"),
        ],
        coup="none",
    ),
    dispatch(
        "dev-024",
        "2024-05-16",
        "Beninese government blames Niger junta for pipeline standoff",
        """COTONOU (AFP) - Benin accused Niger's military rulers on Thursday of holding up oil exports through a Chinese-built pipeline, deepening a border dispute between the West African neighbours.

Beninese government spokesman Wilfried Houngbedji said Niamey had refused to reopen the border despite repeated requests from President Patrice Talon. "We cannot load Niger's crude while Niger treats Benin as an enemy," he told reporters.

Relations soured after the July 2023 coup in Niamey, when Benin backed sanctions imposed by the Economic Community of West African States. Niger's Prime Minister Ali Mahamane Lamine Zeine said Benin was hosting "French bases" preparing to destabilise his country, which Cotonou denies.

The 2,000-kilometre pipeline, built by a unit of China National Petroleum Corporation, was meant to make Niger a significant oil exporter. Chinese ambassador Jiang Feng met Houngbedji's colleague, Foreign Minister Olushegun Adjadi Bakari, to seek a solution, Benin's Ministry of Foreign Affairs said.

Three Nigerien employees of the pipeline operator were arrested at the Seme terminal and charged with using false documents, a prosecutor said.

Trucker Moussa Issoufou, stranded at the Malanville border post for ten months, said: "We are neighbours. This is madness.\"""",
        countries="BJ NE CN",
        opt_countries="FR",
        officials=[
            off("houngbedji", "Wilfried Houngbedji", "government spokesman", "BJ"),
            off("talon", "Patrice Talon", "President", "BJ"),
            off("zeine|lamine zeine", "Ali Mahamane Lamine Zeine", "Prime Minister", "NE"),
            off("jiang feng", "Jiang Feng", "ambassador", "CN"),
            off("adjadi bakari|bakari", "Olushegun Adjadi Bakari", "Foreign Minister", "BJ"),
        ],
        agencies=[AFP, ECOWAS, foreign_ministry("BJ", "Ministry of Foreign Affairs")],
        opt_agencies=[opt("china national petroleum corporation")],
        coup="historical",
    ),
    dispatch(
        "dev-025",
        "2023-12-13",
        "COP28 strikes deal on 'transitioning away' from fossil fuels",
        """DUBAI (Reuters) - Nearly 200 countries agreed at the COP28 climate summit in Dubai on Wednesday to begin "transitioning away from fossil fuels", the first such pledge in three decades of UN climate talks.

COP28 President Sultan Al Jaber, the Emirati industry minister who also heads the national oil company ADNOC, called the deal "historic". The official Emirati news agency WAM said UAE President Sheikh Mohamed bin Zayed Al Nahyan congratulated the negotiators.

Saudi Arabia's Energy Minister Prince Abdulaziz bin Salman had resisted language on phasing out fossil fuels, and OPEC Secretary General Haitham Al Ghais had urged members to reject it.

U.S. climate envoy John Kerry said the agreement was "a cause for optimism". UN climate chief Simon Stiell said it was "not a fossil fuel phase-out" but "the beginning of the end".

Samoa's lead negotiator Anne Rasmussen, speaking for small island states, said the deal contained "a litany of loopholes".

Activist Greta Thunberg called it "a stab in the back" to vulnerable nations.

The European Union had pushed for stronger wording. EU Climate Commissioner Wopke Hoekstra said the bloc was "happy" with the outcome.""",
        countries="AE SA US WS",
        officials=[
            off("al jaber|sultan al jaber", "Sultan Al Jaber", "COP28 President", "AE"),
            off("mohamed bin zayed", "Mohamed bin Zayed Al Nahyan", "President", "AE"),
            off("abdulaziz bin salman", "Abdulaziz bin Salman", "Energy Minister", "SA"),
            off("al ghais|haitham al ghais", "Haitham Al Ghais", "OPEC Secretary General", None),
            off("kerry", "John Kerry", "climate envoy", "US"),
            off("stiell", "Simon Stiell", "UN climate chief", None),
            off("rasmussen|anne rasmussen", "Anne Rasmussen", "lead negotiator", "WS"),
            off("hoekstra", "Wopke Hoekstra", "EU Climate Commissioner", None),
        ],
        agencies=[
            REUTERS,
            ag("wam|emirates news agency", "WAM", "news_agency", "AE"),
            UN,
            ag("opec", "OPEC", "international", None),
            EU,
        ],
        opt_agencies=[opt("adnoc")],
        coup="none",
    ),
    dispatch(
        "dev-026",
        "2024-06-19",
        "Putin and Kim sign mutual defence pact in Pyongyang",
        """PYONGYANG (TASS) - Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a "comprehensive strategic partnership" on Wednesday that includes a pledge of mutual assistance if either is attacked, the Kremlin said.

Putin's first visit to the DPRK in 24 years was marked by a lavish welcome ceremony in Kim Il Sung Square. Kim called the treaty "the strongest ever" between the two countries, according to the Korean Central News Agency.

Kremlin foreign policy aide Yuri Ushakov told RIA Novosti the pact was "not directed against third countries". Putin said Russia "does not exclude" military-technical cooperation with Pyongyang.

In Washington, Secretary of State Antony Blinken said the deepening ties between Moscow and Pyongyang should concern "any country" that wants peace on the Korean peninsula. The U.S. and South Korea accuse North Korea of supplying artillery shells and missiles for Russia's war in Ukraine.

Seoul's national security adviser Chang Ho-jin said South Korea would reconsider its ban on sending weapons to Ukraine.

Japan's Chief Cabinet Secretary Yoshimasa Hayashi expressed "grave concern".

Putin flew on to Vietnam, where President To Lam received him in Hanoi.""",
        countries="RU KP US KR UA JP VN",
        officials=[
            off("putin", "Vladimir Putin", "President", "RU"),
            off("kim jong un", "Kim Jong Un", "leader", "KP"),
            off("ushakov", "Yuri Ushakov", "Kremlin foreign policy aide", "RU"),
            off("blinken", "Antony Blinken", "Secretary of State", "US"),
            off("chang ho jin", "Chang Ho-jin", "national security adviser", "KR"),
            off("hayashi", "Yoshimasa Hayashi", "Chief Cabinet Secretary", "JP"),
            off("to lam", "To Lam", "President", "VN"),
        ],
        agencies=[TASS, KCNA, RIA],
        opt_agencies=[opt("kremlin")],
        coup="none",
    ),
    dispatch(
        "dev-027",
        "2024-04-23",
        "UK parliament passes Rwanda deportation bill after long standoff",
        """LONDON (Reuters) - Britain's parliament approved legislation late on Monday allowing the government to deport some asylum seekers to Rwanda, after Prime Minister Rishi Sunak faced down months of resistance in the House of Lords.

Sunak said the first flights would leave in 10 to 12 weeks. "No ifs, no buts, these flights are going to Rwanda," he told a news conference in Downing Street.

Home Secretary James Cleverly called the law "a landmark moment". The Home Office said it had hired chartered planes and hundreds of escort staff.

Rwandan government spokeswoman Yolande Makolo said Kigali was "pleased" and looked forward to welcoming people relocated to Rwanda.

The UN refugee agency UNHCR urged the UK to reconsider. Its chief, Filippo Grandi, said the law "seeks to shift responsibility for refugee protection". The Council of Europe's human rights commissioner, Michael O'Flaherty, said it raised "major issues".

Opposition Labour leader Keir Starmer said he would scrap the scheme if elected.

On Tuesday, five people, including a child, died trying to cross the Channel from France, French coastguards said. Sudanese asylum seeker Ahmed, 24, who gave only his first name, said he was "terrified" of being sent to Africa.""",
        countries="GB RW FR SD",
        officials=[
            off("sunak", "Rishi Sunak", "Prime Minister", "GB"),
            off("cleverly", "James Cleverly", "Home Secretary", "GB"),
            off("makolo", "Yolande Makolo", "government spokeswoman", "RW"),
            off("grandi", "Filippo Grandi", "UNHCR chief", None),
            off("o flaherty", "Michael O'Flaherty", "human rights commissioner", None),
        ],
        opt_officials=[opt("starmer|keir starmer")],
        agencies=[
            REUTERS,
            ag("home office", "Home Office", "government", "GB"),
            ag("unhcr|un refugee agency", "UNHCR", "international", None),
            ag("council of europe", "Council of Europe", "international", None),
        ],
        opt_agencies=[
            opt("house of lords"),
            opt("parliament"),
            opt("labour"),
            opt("coastguards|french coastguards"),
            opt("downing street"),
            UN_OPT,
        ],
        coup="none",
    ),
    dispatch(
        "dev-028",
        "2023-05-29",
        "Erdogan supporters celebrate runoff victory extending his rule",
        """ANKARA (Anadolu) - Tens of thousands of Erdogan supporters poured into the streets of Istanbul and Ankara overnight after President Recep Tayyip Erdogan won Sunday's runoff, extending his two-decade rule into a third decade.

Supreme Election Council chairman Ahmet Yener said Erdogan had won 52.18 percent of the vote against 47.82 percent for opposition candidate Kemal Kilicdaroglu.

"We are not the only winners, Turkey is the winner," Erdogan told a crowd outside the presidential palace in the capital. Kilicdaroglu, who leads the Republican People's Party, called it "the most unfair election in years".

Russian President Vladimir Putin was among the first to congratulate Erdogan, followed by Hungarian Prime Minister Viktor Orban and Qatar's Emir Sheikh Tamim bin Hamad Al Thani. U.S. President Joe Biden said he looked forward to working together "as NATO allies".

Erdogan has faced criticism at home over a cost-of-living crisis and his government's response to February's earthquakes. His rule hardened after the failed 2016 coup attempt, which he blamed on followers of the U.S.-based cleric Fethullah Gulen.

Istanbul pensioner Ayse Demir said she had voted for him "because he is strong". Student Emre Kaya, 20, said he had "never known another leader".""",
        countries="TR RU HU QA US",
        officials=[
            off("erdogan", "Recep Tayyip Erdogan", "President", "TR"),
            off("yener", "Ahmet Yener", "Supreme Election Council chairman", "TR"),
            off("putin", "Vladimir Putin", "President", "RU"),
            off("orban", "Viktor Orban", "Prime Minister", "HU"),
            off("tamim", "Tamim bin Hamad Al Thani", "Emir", "QA"),
            off("biden", "Joe Biden", "President", "US"),
        ],
        opt_officials=[opt("kilicdaroglu")],
        agencies=[ANADOLU, NATO, ag("supreme election council|ysk", "Supreme Election Council", "government", "TR")],
        opt_agencies=[opt("republican people s party|chp")],
        coup="historical",
    ),
    dispatch(
        "dev-029",
        "2023-03-04",
        "IAEA's Grossi wins Iranian pledge on nuclear inspections",
        """TEHRAN (IRNA) - The Islamic Republic of Iran agreed on Saturday to let the International Atomic Energy Agency reinstall surveillance cameras at some nuclear sites and increase inspections, the UN watchdog's chief Rafael Grossi said after talks in Tehran.

Grossi met President Ebrahim Raisi and the head of the Atomic Energy Organization of Iran, Mohammad Eslami. "The Islamic Republic has agreed to allow us to implement further verification and monitoring activities," Grossi told reporters at Vienna airport on his return.

Eslami said Tehran's cooperation depended on the IAEA "not being influenced by political pressure", the semi-official ISNA news agency reported. The Tasnim news agency, close to the Revolutionary Guards, quoted a lawmaker as saying the agreement "gives nothing away".

Iran's nuclear programme has expanded since Washington abandoned the 2015 deal with world powers in 2018. Inspectors recently found uranium particles enriched to 83.7 percent at the Fordow site, close to weapons grade.

France, Britain and Germany were considering a resolution against Iran at the IAEA board of governors next week. Western diplomats said Grossi's visit may have averted it.

U.S. State Department spokesman Ned Price said Washington wanted to see "concrete actions" from Iran.""",
        countries="IR US FR GB DE",
        opt_countries="AT",
        officials=[
            off("grossi", "Rafael Grossi", "IAEA chief", None),
            off("raisi", "Ebrahim Raisi", "President", "IR"),
            off("eslami", "Mohammad Eslami", "head of the Atomic Energy Organization of Iran", "IR"),
            off("ned price|price", "Ned Price", "State Department spokesman", "US"),
        ],
        agencies=[
            IRNA,
            IAEA,
            ISNA,
            TASNIM,
            STATE_DEPT,
            ag("atomic energy organization of iran|aeoi", "Atomic Energy Organization of Iran", "government", "IR"),
            ag(
                "revolutionary guards|revolutionary guard corps|irgc",
                "Islamic Revolutionary Guard Corps",
                "military",
                "IR",
            ),
        ],
        opt_agencies=[opt("board of governors"), UN_OPT],
        coup="none",
    ),
    dispatch(
        "dev-030",
        "2024-01-12",
        "U.S. and British forces strike Houthi targets in Yemen",
        """WASHINGTON (AP) - U.S. and British warplanes and warships struck more than 60 targets in Houthi-controlled Yemen overnight, in retaliation for the Iran-backed group's attacks on shipping in the Red Sea, the Pentagon said on Friday.

U.S. Central Command said the strikes hit radar sites, drone launchers and missile storage. CENTCOM commander Gen. Michael Erik Kurilla said the aim was to "degrade" the Houthis' ability to threaten commerce.

Defense Secretary Lloyd Austin, who is recovering from surgery, ordered the strikes from Walter Reed hospital. British Defence Secretary Grant Shapps said the Royal Air Force had taken part "in self-defence".

Houthi military spokesman Yahya Saree said five fighters had been killed and vowed that the attacks "will not go unanswered or unpunished".

Iran's Foreign Ministry spokesman Nasser Kanaani condemned the strikes as a "clear violation of Yemen's sovereignty".

Saudi Arabia, which has observed a truce with the Houthis since 2022, called for restraint. Oil prices rose 2 percent.

Ship captain Dimitris Papadakis, whose tanker diverted around Africa last month, said insurers had tripled premiums.""",
        countries="US GB YE IR SA",
        officials=[
            off("kurilla", "Michael Erik Kurilla", "CENTCOM commander", "US"),
            off("austin|lloyd austin", "Lloyd Austin", "Defense Secretary", "US"),
            off("shapps", "Grant Shapps", "Defence Secretary", "GB"),
            off("kanaani", "Nasser Kanaani", "Foreign Ministry spokesman", "IR"),
        ],
        opt_officials=[opt("saree|yahya saree")],
        agencies=[
            AP,
            CENTCOM,
            ag("pentagon|department of defense|defense department", "Pentagon", "government", "US"),
            ag("royal air force|raf", "Royal Air Force", "military", "GB"),
            foreign_ministry("IR"),
        ],
        opt_agencies=[opt("houthis|houthi")],
        coup="none",
    ),
]
