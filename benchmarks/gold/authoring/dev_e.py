from helpers import *  # noqa: F403

DISPATCHES = [
    dispatch(
        "dev-041",
        "2021-10-25",
        "Sudan's military seizes power, detains Prime Minister Hamdok",
        """KHARTOUM (Reuters) - Sudan's military seized power on Monday, dissolving the transitional government and detaining Prime Minister Abdalla Hamdok, in a coup that derailed the country's transition to democracy two years after the overthrow of Omar al-Bashir.

General Abdel Fattah al-Burhan, head of the Sovereign Council, declared a state of emergency on state television and said the army would hand power to an elected government in July 2023. Soldiers fired on protesters outside the army headquarters; the Sudanese Doctors' Committee said seven people were killed.

The Information Ministry, still loyal to Hamdok, called the move "a complete military coup" and urged Sudanese to resist. Industry Minister Ibrahim al-Sheikh was among several ministers arrested.

U.S. special envoy for the Horn of Africa Jeffrey Feltman, who met Burhan on Sunday, said Washington was "deeply alarmed". The United States suspended $700 million in aid. The African Union suspended Sudan.

South Sudan, whose peace deal Khartoum helped broker, offered to mediate. South Sudanese presidential adviser Tut Gatluak flew to Khartoum.

"We will not go back," said engineering student Mohamed Osman, 22, as protesters burned tyres in the Burri district.""",
        countries="SD US SS",
        officials=[
            off("hamdok", "Abdalla Hamdok", "Prime Minister", "SD"),
            off("burhan|al burhan", "Abdel Fattah al-Burhan", "head of the Sovereign Council", "SD"),
            off("al sheikh|ibrahim al sheikh", "Ibrahim al-Sheikh", "Industry Minister", "SD"),
            off("feltman", "Jeffrey Feltman", "special envoy for the Horn of Africa", "US"),
            off("gatluak|tut gatluak", "Tut Gatluak", "presidential adviser", "SS"),
        ],
        opt_officials=[opt("bashir|omar al bashir")],
        agencies=[
            REUTERS,
            AU,
            ag("information ministry|ministry of information", "Information Ministry", "government", "SD"),
            ag("sovereign council", "Sovereign Council", "government", "SD"),
        ],
        opt_agencies=[
            opt("army"),
            opt("military"),
            opt("sudanese doctors committee"),
            opt("transitional government|government"),
        ],
        coup="current",
    ),
    dispatch(
        "dev-042",
        "2022-10-01",
        "Burkina Faso army captain ousts junta leader Damiba",
        """OUAGADOUGOU (AFP) - Soldiers in Burkina Faso announced on state television late on Friday that they had removed junta leader Lieutenant Colonel Paul-Henri Sandaogo Damiba, the country's second coup this year.

Captain Kiswendsida Farouk Azaria Sorgho read the statement, saying Damiba had failed to stem a worsening jihadist insurgency. The officers named Captain Ibrahim Traore, 34, as the new leader, dissolved the government and suspended the constitution.

Damiba himself took power in January by ousting President Roch Marc Christian Kabore.

On Saturday, protesters attacked the French embassy in Ouagadougou, accusing France of sheltering Damiba, which Paris denied. Some waved Russian flags. The French Foreign Ministry condemned the violence "in the strongest terms".

The Economic Community of West African States said the takeover was "inappropriate" at a time when progress had been made towards a return to constitutional order. UN Secretary-General Antonio Guterres "strongly condemns any attempt to seize power by the force of arms", his spokesman said.

Damiba later agreed to resign and left for neighbouring Togo, religious leaders said.

Market trader Salamata Ouedraogo said she stayed home. "Every few months there is shooting," she said.""",
        countries="BF FR RU TG",
        officials=[
            off("damiba", "Paul-Henri Sandaogo Damiba", "junta leader", "BF"),
            off("sorgho", "Kiswendsida Farouk Azaria Sorgho", "Captain", "BF"),
            off("traore|ibrahim traore", "Ibrahim Traore", "leader", "BF"),
            off("guterres", "Antonio Guterres", "UN Secretary-General", None),
        ],
        opt_officials=[opt("kabore")],
        agencies=[AFP, foreign_ministry("FR"), ECOWAS, UN],
        opt_agencies=[opt("army"), opt("government"), opt("state television")],
        coup="current",
    ),
    dispatch(
        "dev-043",
        "2023-11-27",
        "Sierra Leone says attack on Freetown barracks was failed coup attempt",
        """FREETOWN (Reuters) - Sierra Leone's government said on Monday that Sunday's attacks on a military barracks and prisons in Freetown were a failed coup attempt, and that 13 soldiers had been arrested.

Gunmen freed nearly 2,000 inmates from Pademba Road prison and other jails and killed 19 people, most of them soldiers, before order was restored. President Julius Maada Bio said "most of the leaders have been arrested" and that the country's "democracy will be protected".

Information Minister Chernor Bah told reporters the attackers had intended "to illegally subvert and overthrow a democratically elected government". Police Inspector General William Fayia Sellu said a nationwide manhunt was under way for escaped prisoners.

The Economic Community of West African States condemned "a plot to acquire arms and disturb peace". An ECOWAS delegation including Nigerian and Ghanaian officials arrived in Freetown.

Security guards at the presidential lodge said they heard heavy gunfire for several hours. Opposition leader Samura Kamara said his party had no involvement.

Sierra Leone was ravaged by civil war in the 1990s. Petrol seller Fatmata Sesay said: "We do not want to go back there.\"""",
        countries="SL NG GH",
        officials=[
            off("maada bio|bio", "Julius Maada Bio", "President", "SL"),
            off("chernor bah|bah", "Chernor Bah", "Information Minister", "SL"),
            off("sellu|william fayia sellu", "William Fayia Sellu", "Police Inspector General", "SL"),
        ],
        opt_officials=[opt("samura kamara")],
        agencies=[REUTERS, ECOWAS],
        opt_agencies=[opt("police"), opt("government")],
        coup="current",
    ),
    dispatch(
        "dev-044",
        "2022-01-10",
        "Kazakh leader Tokayev calls unrest 'attempted coup d'etat'",
        """NUR-SULTAN (TASS) - Kazakh President Kassym-Jomart Tokayev said on Monday that the unrest that swept the country last week had been an "attempted coup d'etat" organised by "a single centre", and that Russia-led peacekeepers would leave once order was fully restored.

Speaking at a video summit of the Collective Security Treaty Organization, Tokayev said "armed militants" had tried to seize Almaty airport and government buildings. At least 164 people were killed, the Interior Ministry said.

Former head of the National Security Committee Karim Massimov, a long-time ally of ex-leader Nursultan Nazarbayev, has been arrested on suspicion of treason.

Russian President Vladimir Putin told the summit that the CSTO would not allow "colour revolutions" in the region. About 2,000 troops, mostly Russian, were deployed.

U.S. Secretary of State Antony Blinken questioned why Kazakhstan needed foreign troops. "Once Russians are in your house, it's sometimes very difficult to get them to leave," he said.

The Kazakh Foreign Ministry said Blinken's comment was "offensive".

Protests began over a rise in fuel prices in the western town of Zhanaozen. Almaty resident Aigerim Sultanova, a teacher, said: "We just wanted cheaper gas.\"""",
        countries="KZ RU US",
        officials=[
            off("tokayev", "Kassym-Jomart Tokayev", "President", "KZ"),
            off("putin", "Vladimir Putin", "President", "RU"),
            off("blinken", "Antony Blinken", "Secretary of State", "US"),
        ],
        opt_officials=[opt("massimov|karim massimov"), opt("nazarbayev")],
        agencies=[
            TASS,
            ag(
                "collective security treaty organization|csto",
                "Collective Security Treaty Organization",
                "international",
                None,
            ),
            interior_ministry("KZ"),
            ag("national security committee|knb", "National Security Committee", "government", "KZ"),
            foreign_ministry("KZ"),
        ],
        coup="current",
    ),
    dispatch(
        "dev-045",
        "2024-05-19",
        "Congo army says it foiled coup attempt in Kinshasa",
        """KINSHASA (AFP) - The Democratic Republic of Congo's army said on Sunday it had foiled an attempted coup after gunmen attacked the home of a senior politician and occupied the presidential office in Kinshasa, before security forces killed their leader.

Army spokesman Brigadier General Sylvain Ekenge said on state broadcaster RTNC that the attack involving "foreigners and Congolese" had been "nipped in the bud". The leader, Christian Malanga, a Congolese opposition figure living in the United States, was killed resisting arrest, he said.

Gunmen first attacked the residence of Vital Kamerhe, the economy minister and a candidate for speaker of parliament, killing two guards.

U.S. Ambassador Lucy Tamlyn said she was "shocked" by reports that American citizens were involved and that the embassy was cooperating with Congolese authorities.

President Felix Tshisekedi's spokeswoman Tina Salama said the situation was "under control". Authorities in Brazzaville, across the Congo River, said they had reinforced patrols along the bank.

Videos posted online showed the gunmen holding the flag of Zaire, the name of the country under Mobutu Sese Seko.

In Gombe district, diplomats were told to stay indoors. Resident Patrick Mbuyi said gunfire woke him at 4 a.m.""",
        countries="CD US CG",
        officials=[
            off("ekenge|sylvain ekenge", "Sylvain Ekenge", "Army spokesman", "CD"),
            off("kamerhe", "Vital Kamerhe", "economy minister", "CD"),
            off("tamlyn", "Lucy Tamlyn", "Ambassador", "US"),
            off("tshisekedi", "Felix Tshisekedi", "President", "CD"),
            off("salama|tina salama", "Tina Salama", "presidential spokeswoman", "CD"),
        ],
        opt_officials=[opt("mobutu")],
        agencies=[AFP],
        opt_agencies=[opt("army"), opt("rtnc"), opt("security forces"), opt("parliament")],
        coup="current",
    ),
    dispatch(
        "dev-046",
        "2024-04-14",
        "Iran launches drones and missiles at Israel; Jordan helps intercept",
        """JERUSALEM (Reuters) - Iran launched more than 300 drones and missiles at Israel overnight in its first direct attack on Israeli territory, but nearly all were shot down with help from the United States, Britain and Jordan, the Israeli military said on Sunday.

Israel Defense Forces spokesman Rear Admiral Daniel Hagari said "99 percent" of the projectiles had been intercepted. A 7-year-old girl was seriously wounded in the south.

Iran's Islamic Revolutionary Guard Corps said the attack was retaliation for an April 1 strike on its embassy compound in Damascus that killed senior commanders, the official IRNA news agency reported. Foreign Minister Hossein Amir-Abdollahian said Tehran had informed neighbouring countries 72 hours in advance.

Jordan's Foreign Minister Ayman Safadi said Amman had intercepted objects that entered its airspace "to protect our citizens" and would do the same whatever their origin.

U.S. President Joe Biden said American forces helped "take down nearly all" the drones. U.S. Central Command said it destroyed more than 80 drones and six ballistic missiles.

The UN Security Council met in emergency session. Secretary-General Antonio Guterres warned the region was "on the brink".

In Tel Aviv, software engineer Noa Levi spent the night in a shelter. "The sky was full of lights," she said.""",
        countries="IR IL US GB JO SY",
        officials=[
            off("hagari", "Daniel Hagari", "Israel Defense Forces spokesman", "IL"),
            off("amir abdollahian|abdollahian", "Hossein Amir-Abdollahian", "Foreign Minister", "IR"),
            off("safadi", "Ayman Safadi", "Foreign Minister", "JO"),
            off("biden", "Joe Biden", "President", "US"),
            off("guterres", "Antonio Guterres", "Secretary-General", None),
        ],
        agencies=[
            REUTERS,
            ag("israel defense forces|idf", "Israel Defense Forces", "military", "IL"),
            ag(
                "islamic revolutionary guard corps|revolutionary guard corps|irgc",
                "Islamic Revolutionary Guard Corps",
                "military",
                "IR",
            ),
            IRNA,
            CENTCOM,
            UNSC,
        ],
        opt_agencies=[opt("israeli military|military"), UN_OPT],
        coup="none",
    ),
    dispatch(
        "dev-047",
        "2024-03-23",
        "Chinese coast guard fires water cannon at Philippine supply boat",
        """MANILA (AP) - Chinese coast guard ships fired water cannon at a Philippine government supply boat near Second Thomas Shoal in the South China Sea on Saturday, injuring three crew members, the Philippine Coast Guard said.

Philippine Coast Guard spokesman Jay Tarriela said the boat, carrying supplies to a handful of marines stationed on a grounded warship, was "heavily damaged". The National Security Council in Manila condemned "the unprovoked excessive and aggressive actions".

China Coast Guard spokesman Gan Yu said the Philippine vessels had "intruded" into Chinese waters and that the coast guard had taken "necessary control measures". The Chinese Foreign Ministry summoned the Philippine ambassador.

President Ferdinand Marcos Jr. said the Philippines would not be intimidated. A State Department spokesman, Matthew Miller, said the United States stood with its ally and reminded Beijing that a 1951 mutual defence treaty covered Philippine armed forces "anywhere in the South China Sea".

Japan's Foreign Ministry expressed "serious concern".

Fisherman Roberto Dela Cruz, from Palawan, said Chinese ships had driven his boat away from traditional fishing grounds. "We are afraid to go out," he said.""",
        countries="CN PH US JP",
        officials=[
            off("tarriela", "Jay Tarriela", "Philippine Coast Guard spokesman", "PH"),
            off("gan yu", "Gan Yu", "China Coast Guard spokesman", "CN"),
            off("marcos", "Ferdinand Marcos Jr.", "President", "PH"),
            off("miller|matthew miller", "Matthew Miller", "State Department spokesman", "US"),
        ],
        agencies=[
            AP,
            ag("philippine coast guard|coast guard", "Philippine Coast Guard", "military", "PH"),
            ag("china coast guard|coast guard", "China Coast Guard", "military", "CN"),
            ag("national security council", "National Security Council", "government", "PH"),
            foreign_ministry("CN"),
            STATE_DEPT,
            foreign_ministry("JP"),
        ],
        opt_agencies=[opt("armed forces|philippine armed forces"), opt("marines")],
        coup="none",
    ),
    dispatch(
        "dev-048",
        "2023-05-10",
        "Imran Khan's arrest sparks clashes; army says it will respond firmly",
        """ISLAMABAD (Reuters) - Pakistan deployed the army in two provinces on Wednesday after supporters of former prime minister Imran Khan stormed military installations in protest at his arrest, Interior Minister Rana Sanaullah said.

Khan, ousted in a parliamentary no-confidence vote last year, was dragged from a court in Islamabad by paramilitary Rangers on Tuesday on corruption charges. His Pakistan Tehreek-e-Insaf party said eight protesters had been killed.

The military's media wing, Inter-Services Public Relations, said the attack on the army's headquarters in Rawalpindi was "a black chapter" and warned of a "severe response". Pakistan has been ruled by the military for about half its history, most recently after a 1999 coup.

Prime Minister Shehbaz Sharif said those involved would be punished. Mobile internet was suspended nationwide on the orders of the Pakistan Telecommunication Authority.

Washington urged respect for the rule of law. "We want to see democratic principles upheld," State Department spokesman Vedant Patel said. UN Secretary-General Antonio Guterres called for restraint.

In Lahore, student Ayesha Malik said she had joined the protests "because they took our leader".""",
        countries="PK US",
        officials=[
            off("sanaullah|rana sanaullah", "Rana Sanaullah", "Interior Minister", "PK"),
            off("shehbaz sharif|shehbaz", "Shehbaz Sharif", "Prime Minister", "PK"),
            off("vedant patel|patel", "Vedant Patel", "State Department spokesman", "US"),
            off("guterres", "Antonio Guterres", "UN Secretary-General", None),
        ],
        opt_officials=[opt("imran khan|khan")],
        agencies=[
            REUTERS,
            ag("inter services public relations|ispr", "Inter-Services Public Relations", "military", "PK"),
            STATE_DEPT,
            UN,
        ],
        opt_agencies=[
            opt("army"),
            opt("military"),
            opt("rangers"),
            opt("pakistan tehreek e insaf|pti"),
            opt("pakistan telecommunication authority"),
        ],
        coup="historical",
    ),
    dispatch(
        "dev-049",
        "2022-04-20",
        "Solomon Islands confirms security pact with China, alarming Canberra",
        """HONIARA (AFP) - Solomon Islands Prime Minister Manasseh Sogavare confirmed on Wednesday that his government had signed a security agreement with China, a deal critics in Australia called a major strategic coup for Beijing in the South Pacific.

Sogavare told parliament the pact would not allow a Chinese military base and that it was needed to protect the country after riots in Honiara last November. "We were insulted" by foreign criticism, he said.

Chinese Foreign Ministry spokesman Wang Wenbin said the agreement "is not targeted at any third party". The text has not been published.

Australian Prime Minister Scott Morrison, campaigning for re-election, said a Chinese base would be a "red line". Opposition leader Anthony Albanese called the pact "a massive failure of Australian foreign policy".

A White House delegation led by Kurt Campbell, the National Security Council's Indo-Pacific coordinator, was due in Honiara on Friday. New Zealand Prime Minister Jacinda Ardern said the pact was "gravely concerning".

Opposition leader Matthew Wale said Sogavare was "mortgaging the country's sovereignty".

Honiara shopkeeper Lily Fa'asau said: "We want jobs, not soldiers.\"""",
        countries="SB CN AU US NZ",
        officials=[
            off("sogavare", "Manasseh Sogavare", "Prime Minister", "SB"),
            off("wang wenbin", "Wang Wenbin", "Foreign Ministry spokesman", "CN"),
            off("morrison|scott morrison", "Scott Morrison", "Prime Minister", "AU"),
            off("campbell|kurt campbell", "Kurt Campbell", "Indo-Pacific coordinator", "US"),
            off("ardern", "Jacinda Ardern", "Prime Minister", "NZ"),
        ],
        opt_officials=[opt("albanese"), opt("wale|matthew wale")],
        agencies=[
            AFP,
            foreign_ministry("CN"),
            ag("national security council", "National Security Council", "government", "US"),
        ],
        opt_agencies=[opt("white house"), opt("parliament"), opt("government")],
        coup="figurative",
    ),
    dispatch(
        "dev-050",
        "2023-07-25",
        "Denmark seeks ways to curb Quran burnings after Iraq protests",
        """COPENHAGEN (dpa) - Denmark's government said on Sunday it would look for legal ways to stop protests involving the burning of the Quran outside foreign embassies, after a wave of anger in Muslim countries.

Danish Foreign Minister Lars Lokke Rasmussen said the burnings were "deeply offensive and reckless acts" committed by "a few individuals". Prime Minister Mette Frederiksen said the government would act "within the framework of the constitution".

Hundreds of protesters tried to storm the Danish embassy in Baghdad on Saturday. Iraq's Foreign Ministry had summoned the Danish charge d'affaires and warned of "serious repercussions".

The Organisation of Islamic Cooperation called an emergency meeting. Sweden, where similar burnings took place, said it was considering the same steps. Swedish Prime Minister Ulf Kristersson said the security situation was "the most serious since World War Two".

Danish nationalist group Danske Patrioter, which organised several burnings, said it would continue. Its members live-streamed the acts on Facebook.

Iraqi protester Ali Hussein, 27, said: "Denmark must respect our holy book." Copenhagen resident Mette Jensen said: "Free speech should not mean burning books.\"""",
        countries="DK IQ SE",
        officials=[
            off("lokke rasmussen|rasmussen", "Lars Lokke Rasmussen", "Foreign Minister", "DK"),
            off("frederiksen|mette frederiksen", "Mette Frederiksen", "Prime Minister", "DK"),
            off("kristersson", "Ulf Kristersson", "Prime Minister", "SE"),
        ],
        agencies=[
            DPA,
            foreign_ministry("IQ"),
            ag(
                "organisation of islamic cooperation|organization of islamic cooperation|oic",
                "Organisation of Islamic Cooperation",
                "international",
                None,
            ),
        ],
        opt_agencies=[opt("government"), opt("danske patrioter")],
        coup="none",
    ),
]
