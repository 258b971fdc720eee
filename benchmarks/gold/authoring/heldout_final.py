"""Final held-out gold set (benchmarks/gold/heldout-final.jsonl), written independently of dev/heldout/heldout-fresh.

Not part of build.py's module lists, so building dev.jsonl / heldout.jsonl is unaffected.
Run: .venv/bin/python benchmarks/gold/authoring/heldout_final.py  (writes ../heldout-final.jsonl)
The author did not read processors/ (tagger code or knowledge base), did not run the tagger, and read only
the titles of the other gold files (to avoid repeating stories) while writing and labelling.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from helpers import *  # noqa: E402,F403
from helpers import dispatch as _dispatch  # noqa: E402

FINAL_NOTE = (
    "written for wirewatch as the final held-out set (independent of dev/heldout/heldout-fresh and of the "
    "tagger's code and knowledge base), synthetic news-wire style, quotes invented, 2026-11-28"
)


def dispatch(*args, **kwargs) -> dict:
    record = _dispatch(*args, **kwargs)
    record["source_note"] = f"{FINAL_NOTE}; dated {record['published']}"
    return record


OAS = ag("oas|organization of american states", "Organization of American States", "international", None)
ASEAN = ag("asean|association of southeast asian nations", "ASEAN", "international", None)
CSTO = ag("csto|collective security treaty organization", "CSTO", "international", None)
SADC = ag("sadc|southern african development community", "SADC", "international", None)
KFOR = ag("kfor", "KFOR", "military", None)
WAM = ag("wam|emirates news agency", "WAM", "news_agency", "AE")
SPA = ag("spa|saudi press agency", "Saudi Press Agency", "news_agency", "SA")
PETRA = ag("petra", "Petra", "news_agency", "JO")
APP = ag("app|associated press of pakistan", "Associated Press of Pakistan", "news_agency", "PK")
WHO = ag("who|world health organization", "World Health Organization", "international", None)
USDA = ag("agriculture department|department of agriculture|usda", "U.S. Department of Agriculture", "government", "US")
UNHCR = ag("unhcr|refugee agency", "UNHCR", "international", None)

DISPATCHES = [
    dispatch(
        "hfin-001",
        "2021-03-31",
        "Niger says it foiled coup attempt two days before Bazoum's inauguration",
        """NIAMEY (Reuters) - Niger's government said on Wednesday it had foiled an attempted coup after heavy gunfire broke out near the presidency in the early hours, two days before President-elect Mohamed Bazoum is due to be sworn in for what would be the country's first democratic handover of power.

Residents of the Plateau district said shooting with heavy and light weapons lasted about 20 minutes from around 3 a.m. before calm returned. Members of the presidential guard repelled the attackers, security sources said.

"A coup attempt was foiled this night. Arrests have been made among the small group of soldiers behind it, and the others are being actively sought," government spokesman Abdourahamane Zakaria said in a statement read on state television. He said the situation was under control.

Interior Minister Alkache Alhada told reporters the alleged ringleader, an officer from the air base near Niamey airport, had fled. A Nigerien security source said about a dozen soldiers had been detained.

Outgoing President Mahamadou Issoufou, who is stepping down after two five-year terms, has been praised abroad for respecting the constitution's limit. Bazoum, his former interior minister, won a February run-off against Mahamane Ousmane, who has refused to accept the result.

In neighbouring Nigeria, presidential spokesman Garba Shehu said President Muhammadu Buhari condemned "this attempt to truncate democracy in a brotherly country". The Economic Community of West African States and the African Union Commission chairman, Moussa Faki Mahamat, also condemned the attack.

Niger, not to be confused with its larger southern neighbour, has suffered four successful coups since independence from France in 1960, the last in 2010.

"We heard the shooting and stayed under the beds," said Hadiza Moussa, a mother of three who lives a few hundred metres from the presidency. "In the morning the soldiers were everywhere, but the shops opened again."

Western governments see Niger as a key ally against Islamist militants in the Sahel.""",
        countries="NE NG FR",
        officials=[
            off("zakaria|abdourahamane zakaria", "Abdourahamane Zakaria", "government spokesman", "NE"),
            off("alhada|alkache alhada", "Alkache Alhada", "Interior Minister", "NE"),
            off("issoufou|mahamadou issoufou", "Mahamadou Issoufou", "President", "NE"),
            off("shehu|garba shehu", "Garba Shehu", "presidential spokesman", "NG"),
            off("buhari|muhammadu buhari", "Muhammadu Buhari", "President", "NG"),
            off("faki|moussa faki", "Moussa Faki Mahamat", "African Union Commission chairman", None),
        ],
        opt_officials=[opt("bazoum|mohamed bazoum"), opt("ousmane|mahamane ousmane")],
        agencies=[REUTERS, ECOWAS, AU],
        opt_agencies=[
            opt("presidential guard"),
            opt("state television"),
            opt("government"),
            opt("african union commission"),
        ],
        coup="current",
    ),
    dispatch(
        "hfin-002",
        "2024-08-05",
        "Nigeria's defence chief warns protesters waving Russian flags",
        """ABUJA (AP) - Nigeria's top military officer warned on Monday that protesters waving Russian flags were committing treason, after a week of demonstrations over the cost of living spread across the country and turned deadly in the north.

"We will not sit back and allow this to continue. Flying the flag of another country is a treasonable offence," Chief of Defence Staff General Christopher Musa told reporters after a meeting with President Bola Tinubu at the presidential villa.

Police said dozens of people had been arrested in the northern city of Kano, where some demonstrators carried Russian flags and called for the military to take over. Inspector-General of Police Kayode Egbetokun said "foreign-sponsored elements" were exploiting genuine grievances. Kano state Governor Abba Kabir Yusuf imposed a 24-hour curfew.

The Russian flag has become a symbol of the military governments that took power in neighbouring Niger in a July 2023 coup, and earlier in Mali and Burkina Faso, all of which have since expelled French troops and courted Moscow.

Russia's embassy in Abuja said it had no involvement and urged Russian citizens to avoid the protests. Information Minister Mohammed Idris said the Nigerian Army would protect the constitution.

Tinubu, in a televised address on Sunday, defended his removal of the fuel subsidy and the floating of the naira, which have driven inflation above 30 percent, and asked young Nigerians to "suspend any further protests".

Amnesty International says at least 13 people were killed by security forces, a figure police dispute.

"We are not asking for soldiers, we are asking for food," said Aisha Bello, a 24-year-old student at a rally in Lagos. In Kano, tailor Sani Garba said he had seen teenagers selling flags for 500 naira each. "Most of them could not tell you where Russia is," he said.

Nigerien traders in Kano's markets said they kept their shops shut for fear of being blamed.""",
        countries="NG RU NE ML BF FR",
        officials=[
            off("musa|christopher musa", "Christopher Musa", "Chief of Defence Staff", "NG"),
            off("tinubu|bola tinubu", "Bola Tinubu", "President", "NG"),
            off("egbetokun|kayode egbetokun", "Kayode Egbetokun", "Inspector-General of Police", "NG"),
            off("abba kabir yusuf|kabir yusuf", "Abba Kabir Yusuf", "Governor", "NG"),
            off("idris|mohammed idris", "Mohammed Idris", "Information Minister", "NG"),
        ],
        agencies=[AP, ag("nigerian army", "Nigerian Army", "military", "NG")],
        opt_agencies=[
            opt("police"),
            opt("security forces"),
            opt("military"),
            opt("embassy"),
            opt("presidential villa"),
        ],
        coup="historical",
    ),
    dispatch(
        "hfin-003",
        "2021-09-05",
        "Guinea special forces seize President Conde, dissolve constitution",
        """CONAKRY (Reuters) - Special forces officers in Guinea said on Sunday they had captured President Alpha Conde and dissolved the government and the constitution, hours after heavy gunfire rang out near the presidential palace in Conakry.

In a broadcast on state television, Lieutenant Colonel Mamady Doumbouya, commander of the army's special forces, said the officers had acted because of "poverty and endemic corruption". Draped in a Guinean flag, he said a National Committee of Reconciliation and Development would run the country and that land and air borders were closed.

"We will no longer entrust politics to one man, we will entrust it to the people," Doumbouya said.

A video shared on social media showed Conde, 83, sitting on a sofa surrounded by soldiers, refusing to answer whether he had been mistreated. The Ministry of Defence said earlier that an attack on the palace had been repelled, but the claim was not repeated later in the day.

United Nations Secretary-General Antonio Guterres said on Twitter he "strongly condemned any takeover of the government by force of the gun". Congolese President Felix Tshisekedi, the current chairman of the African Union, and Ghana's President Nana Akufo-Addo, who chairs the Economic Community of West African States, called for Conde's release. In Washington, State Department spokesman Ned Price warned that violence could limit Guinea's ability to rely on U.S. support.

Conde won a disputed third term last October after changing the constitution, a move that set off months of deadly protests.

Guinea, a major exporter of bauxite, is a separate country from Guinea-Bissau, further up the coast, and Equatorial Guinea in Central Africa. Aluminium prices jumped to a ten-year high on the news.

In the Kaloum district, shopkeeper Mariama Diallo said young men had cheered passing military trucks. "People are tired," she said. "But we have seen soldiers promise things before.\"""",
        countries="GN CD GH US",
        opt_countries="GW GQ",
        officials=[
            off("doumbouya|mamady doumbouya", "Mamady Doumbouya", "commander of the army's special forces", "GN"),
            off("guterres|antonio guterres", "Antonio Guterres", "United Nations Secretary-General", None),
            off("tshisekedi|felix tshisekedi", "Felix Tshisekedi", "President", "CD"),
            off("akufo addo|nana akufo addo", "Nana Akufo-Addo", "President", "GH"),
            off("ned price|price", "Ned Price", "State Department spokesman", "US"),
        ],
        opt_officials=[opt("conde|alpha conde")],
        agencies=[
            REUTERS,
            ag(
                "national committee of reconciliation and development",
                "National Committee of Reconciliation and Development",
                "government",
                "GN",
            ),
            defence_ministry("GN", "Ministry of Defence"),
            UN,
            AU,
            ECOWAS,
            STATE_DEPT,
        ],
        opt_agencies=[opt("special forces"), opt("army"), opt("government"), opt("state television")],
        coup="current",
    ),
    dispatch(
        "hfin-004",
        "2025-11-27",
        "Guinea-Bissau army swears in general as transitional leader after seizing power",
        """BISSAU (AFP) - Guinea-Bissau's military on Thursday swore in General Horta N'Tam as transitional president for one year, a day after officers seized power and suspended the electoral process on the eve of the announcement of provisional presidential election results.

Officers calling themselves the High Military Command for the Restoration of Order said on Wednesday they had taken "total control" of the country, closed its borders and suspended the media. Gunfire was heard near the presidential palace and the headquarters of the electoral commission in Bissau.

"The army had to act to prevent a plan to destabilise the country," Brigadier General Denis N'Canha, head of the presidency's military household, told reporters. President Umaro Sissoco Embalo, who was seeking a second term, was detained at the palace, according to a security source.

Both Embalo and opposition candidate Fernando Dias had claimed victory in Sunday's vote. Dias, backed by the PAIGC party of Domingos Simoes Pereira, who was barred from running, said the takeover was staged to stop the count. Pereira was also detained, his party said.

The Economic Community of West African States and the African Union condemned the coup and demanded a return to constitutional order. An AU observer in Bissau, who asked not to be named, said the vote itself had been calm.

Guinea-Bissau, a former Portuguese colony of two million people, has had four successful coups and many attempts since independence in 1974, and is a transit hub for cocaine bound for Europe. Its neighbour Guinea has been under military rule since 2021, and Senegal, to the north, called for restraint.

Lisbon urged the release of all detainees. Portuguese Foreign Minister Paulo Rangel said the electoral process should resume "without delay".

In the Bandim market, cashew trader Aua Sanha said prices had already jumped. "Every time there is a new president, we pay," she said.""",
        countries="GW GN SN PT",
        officials=[
            off("n tam|ntam|horta n tam", "Horta N'Tam", "transitional president", "GW"),
            off("n canha|ncanha|denis n canha", "Denis N'Canha", "head of the presidency's military household", "GW"),
            off("rangel|paulo rangel", "Paulo Rangel", "Foreign Minister", "PT"),
        ],
        opt_officials=[opt("embalo|sissoco embalo"), opt("dias|fernando dias"), opt("pereira|simoes pereira")],
        agencies=[
            AFP,
            ag("high military command", "High Military Command for the Restoration of Order", "government", "GW"),
            ECOWAS,
            AU,
        ],
        opt_agencies=[opt("electoral commission"), opt("paigc"), opt("army"), opt("military")],
        coup="current",
    ),
    dispatch(
        "hfin-005",
        "2025-10-06",
        "Australia and Papua New Guinea sign 'Pukpuk' mutual defence treaty",
        """CANBERRA (AFP) - Australia and Papua New Guinea signed a mutual defence treaty on Monday that commits each to come to the other's aid if attacked, a deal analysts called a strategic coup for Canberra as China courts Pacific island states.

Prime Minister Anthony Albanese and his Papua New Guinea counterpart James Marape signed the Pukpuk Treaty, named after the Tok Pisin word for crocodile, at Parliament House, a month after a planned signing in Port Moresby was postponed over Cabinet approval.

"An armed attack on either of our countries would be a danger to the peace and security of both," Albanese said. Marape said the treaty reflected "a family relationship" and did not close the door to trade with any country.

Under the agreement, up to 10,000 Papua New Guineans could eventually serve in the Australian Defence Force and gain a path to Australian citizenship, while the two militaries would be integrated more closely. Deputy Prime Minister and Defence Minister Richard Marles said recruiting would begin next year.

Papua New Guinea's defence minister, Billy Joseph, said the Papua New Guinea Defence Force would receive help with bases, patrol boats and pay. Beijing, which signed a security pact with Solomon Islands in 2022, has offered policing assistance to Port Moresby.

The Chinese embassy in Canberra said countries should not form "exclusive blocs" and that China's cooperation in the Pacific was open.

"Australia has been outbid on infrastructure for a decade; this locks in the security relationship for a generation," said Meg Harrington, a Pacific analyst at a Sydney think tank.

In Port Moresby, where the country marked 50 years of independence last month, reactions were mixed. "Jobs in the army are good, but our young people should not leave," said Lucas Kila, a bus driver in Gordons market.""",
        countries="AU PG CN SB",
        officials=[
            off("albanese|anthony albanese", "Anthony Albanese", "Prime Minister", "AU"),
            off("marape|james marape", "James Marape", "Prime Minister", "PG"),
            off("marles|richard marles", "Richard Marles", "Deputy Prime Minister and Defence Minister", "AU"),
            off("billy joseph", "Billy Joseph", "defence minister", "PG"),
        ],
        agencies=[
            AFP,
            ag("australian defence force", "Australian Defence Force", "military", "AU"),
            ag("papua new guinea defence force", "Papua New Guinea Defence Force", "military", "PG"),
        ],
        opt_agencies=[opt("cabinet"), opt("parliament house"), opt("embassy")],
        coup="figurative",
    ),
    dispatch(
        "hfin-006",
        "2023-03-09",
        "Georgia's ruling party drops 'foreign agents' bill after protests",
        """TBILISI (Reuters) - Georgia's ruling party said on Thursday it would withdraw a draft law on "foreign agents" after two nights of mass protests in Tbilisi, in which police used water cannon and tear gas against crowds waving Georgian, Ukrainian and European Union flags.

The Georgian Dream party said it was dropping the bill "unconditionally" to reduce "confrontation", but complained of "lies" about its content. Critics said the measure, which would have required organisations receiving more than 20 percent of their funding from abroad to register as foreign agents, mirrored a Russian law used to crush dissent.

Prime Minister Irakli Garibashvili had defended the bill as a way to bring transparency. President Salome Zourabichvili, who is at odds with the government, said she would veto it and addressed protesters by video from New York.

The Interior Ministry said 133 people were detained and about 50 police officers were injured during the clashes outside parliament. Deputy interior minister Levan Kobiashvili said all those held for minor offences would be released.

EU foreign policy chief Josep Borrell welcomed the decision and said the law had been "incompatible with EU values". Georgia applied for EU membership in 2022 but was told to carry out reforms first. In Washington, State Department spokesman Ned Price said the United States would keep watching "the direction Georgia is going".

The Kremlin denied any role. Spokesman Dmitry Peskov said Moscow had nothing to do with the bill and accused "someone" of trying to provoke anti-Russian feeling.

Opposition leaders said protests would continue until all detainees were freed. "We are not stopping because of one vote," said Nino Beridze, a 22-year-old student who spent both nights outside parliament.

Russia still occupies about a fifth of Georgia's territory after a brief war in 2008.""",
        countries="GE UA RU US",
        officials=[
            off("garibashvili|irakli garibashvili", "Irakli Garibashvili", "Prime Minister", "GE"),
            off("zourabichvili|salome zourabichvili", "Salome Zourabichvili", "President", "GE"),
            off("kobiashvili|levan kobiashvili", "Levan Kobiashvili", "deputy interior minister", "GE"),
            off("borrell|josep borrell", "Josep Borrell", "EU foreign policy chief", None),
            off("ned price|price", "Ned Price", "State Department spokesman", "US"),
            off("peskov|dmitry peskov", "Dmitry Peskov", "Kremlin spokesman", "RU"),
        ],
        agencies=[REUTERS, interior_ministry("GE"), EU, STATE_DEPT],
        opt_agencies=[opt("georgian dream"), opt("police"), opt("parliament"), opt("kremlin"), opt("government")],
        coup="none",
    ),
    dispatch(
        "hfin-007",
        "2020-11-20",
        "Georgia certifies Biden win after hand recount; Kemp signs off",
        """ATLANTA (AP) - Georgia officials certified Joe Biden's narrow victory in the state on Friday after a hand count of about five million paper ballots confirmed he had won by roughly 12,000 votes, the first Democrat to carry Georgia since 1992.

Secretary of State Brad Raffensperger, a Republican, certified the results and said he was bound by the numbers. "Numbers don't lie," he told reporters at the state Capitol. "As secretary of state, I believe that the numbers that we have presented today are correct."

Gov. Brian Kemp signed the certification hours later but said he supported any further audit of signatures, a demand of President Donald Trump, who has refused to concede and accused Georgia officials of ignoring fraud without evidence.

Gabriel Sterling, the state's voting system implementation manager, said the recount had turned up memory cards that were not uploaded in four counties but no sign of fraud. Jordan Fuchs, the deputy secretary of state, said Raffensperger and his wife had received death threats.

Trump's campaign has two business days to request a machine recount, which would be paid for by the state because the margin is below half a percentage point.

The fight has raised the stakes for Jan. 5 runoffs that will decide control of the U.S. Senate. Republican Sens. David Perdue and Kelly Loeffler, who both called for Raffensperger's resignation, face Democrats Jon Ossoff and the Rev. Raphael Warnock.

In Washington, Republican leaders in Congress have largely kept silent about Trump's claims.

Outside a polling station converted into a counting centre in Gwinnett County, retired teacher Chad Whitfield said he had voted for Trump but trusted the count. "My neighbors counted these ballots," he said. "I know them. They are not crooks.\"""",
        countries="US",
        officials=[
            off("raffensperger|brad raffensperger", "Brad Raffensperger", "Secretary of State", "US"),
            off("kemp|brian kemp", "Brian Kemp", "Governor", "US"),
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("sterling|gabriel sterling", "Gabriel Sterling", "voting system implementation manager", "US"),
            off("fuchs|jordan fuchs", "Jordan Fuchs", "deputy secretary of state", "US"),
            off("perdue|david perdue", "David Perdue", "Senator", "US"),
            off("loeffler|kelly loeffler", "Kelly Loeffler", "Senator", "US"),
        ],
        opt_officials=[opt("biden|joe biden"), opt("ossoff|jon ossoff"), opt("warnock|raphael warnock")],
        agencies=[AP],
        opt_agencies=[opt("senate"), opt("congress"), opt("capitol")],
        coup="none",
    ),
    dispatch(
        "hfin-008",
        "2015-04-24",
        "Minnesota declares emergency as bird flu sweeps turkey farms",
        """ST. PAUL, Minn. (AP) - Minnesota Gov. Mark Dayton declared a peacetime emergency on Thursday as a deadly strain of bird flu spread through the state's turkey farms, allowing the National Guard to help state agencies contain the outbreak.

The H5N2 virus has now been confirmed on 46 farms in Minnesota, the country's largest turkey-producing state, and more than 2.6 million birds have died or been culled since early March, the Minnesota Board of Animal Health said.

"This is a crisis for our turkey growers, and it is spreading faster than anyone expected," Dayton said at a news conference. Bill Hartmann, the board's executive director and state veterinarian, said crews were working around the clock to dispose of carcasses.

U.S. Agriculture Secretary Tom Vilsack said the Agriculture Department would pay farmers for birds destroyed and was working on a vaccine, although officials warned it would not be ready for months. Federal scientists believe wild ducks and geese migrating north carried the virus.

China has banned all imports of U.S. poultry, and Mexico and Canada have restricted shipments from affected states, cutting into an export market worth about $5 billion a year.

Turkey farmers in Kandiyohi County, the heart of the industry, said they were disinfecting boots and vehicles and keeping visitors away. "You walk into the barn in the morning and there are dead turkeys everywhere," said Chad Lindgren, who lost 30,000 birds at his farm near Willmar. "You don't sleep after that."

Health officials said the strain has not been found in people and poses little risk to the public. Properly cooked poultry and eggs are safe to eat.

Economists said shoppers were unlikely to see higher turkey prices before the autumn, but processors including Jennie-O Turkey Store have cut shifts at plants.""",
        countries="US CN MX CA",
        officials=[
            off("dayton|mark dayton", "Mark Dayton", "Governor", "US"),
            off("hartmann|bill hartmann", "Bill Hartmann", "executive director of the Board of Animal Health", "US"),
            off("vilsack|tom vilsack", "Tom Vilsack", "Agriculture Secretary", "US"),
        ],
        agencies=[AP, USDA],
        opt_agencies=[opt("national guard"), opt("board of animal health|minnesota board of animal health")],
        coup="none",
    ),
    dispatch(
        "hfin-009",
        "2022-11-22",
        "Bird flu and inflation push Thanksgiving turkey to record price",
        """WASHINGTON (Reuters) - Americans will pay about 20 percent more for their Thanksgiving dinner this year, a farm group said, with the price of a turkey up sharply after the worst bird flu outbreak in U.S. history killed millions of birds.

A 16-pound turkey now costs an average of $28.96, up 21 percent from last year, the American Farm Bureau Federation said in its annual survey. The whole meal for ten people, with stuffing, cranberries and pumpkin pie, costs $64.05.

The Agriculture Department said highly pathogenic avian influenza had been found in flocks in 46 states this year, and more than 49 million birds, including about 8 million turkeys, had died or been culled. Agriculture Secretary Tom Vilsack said the department had paid more than $600 million to affected producers.

"Supply is tighter than anything we have seen," said Jordan Ellis, an economist at a commodities brokerage in Chicago. Frozen turkey stocks were down by about a quarter, he said.

President Joe Biden on Monday pardoned two turkeys, Chocolate and Chip, at the White House, the 75th anniversary of the tradition, joking that the birds had been "vetted".

Growers say rising feed and fuel costs have added to the pain. "We lost a whole barn in April," said Dale Nygaard, who raises turkeys near Lynden, in Washington state. "The insurance does not cover the six months you cannot restock."

Mexico, the largest foreign buyer of U.S. turkey meat, has kept importing from states free of the virus.

Some shoppers are switching to ham or chicken. At a supermarket in Decatur, Georgia, retired nurse Loretta Washington said she would buy a smaller bird. "We will have fewer people and more side dishes," she said.

The Labor Department said food prices at home rose 12.4 percent in the year to October.""",
        countries="US MX",
        officials=[
            off("vilsack|tom vilsack", "Tom Vilsack", "Agriculture Secretary", "US"),
            off("biden|joe biden", "Joe Biden", "President", "US"),
        ],
        agencies=[REUTERS, USDA, ag("labor department|department of labor", "Labor Department", "government", "US")],
        opt_agencies=[opt("white house")],
        coup="none",
    ),
    dispatch(
        "hfin-010",
        "2020-03-09",
        "Ghani and Abdullah hold rival inaugurations as rockets hit Kabul",
        """KABUL (AFP) - Afghanistan's President Ashraf Ghani was sworn in for a second term on Monday while his rival Abdullah Abdullah held a competing inauguration a few hundred metres away, deepening a political crisis as Washington pushes for peace talks with the Taliban.

Two explosions were heard near the presidential palace as Ghani spoke, sending some guests running. The president stayed at the podium. "I have no bulletproof vest, only my shirt," he told the crowd. The Islamic State group later claimed a rocket attack.

Chief Executive Abdullah, who says he won last September's election, declared himself president at the Sapidar palace and said he would form his own government. The Independent Election Commission declared Ghani the winner in February with just over 50 percent of the vote.

First Vice President Amrullah Saleh and Second Vice President Sarwar Danish were sworn in alongside Ghani. Danish, a former justice minister from the Hazara minority, pledged to work for "an inclusive peace".

U.S. special envoy Zalmay Khalilzad and General Scott Miller, commander of NATO's Resolute Support mission, attended Ghani's ceremony. Khalilzad said he hoped the two men could still agree on an inclusive government. Secretary of State Mike Pompeo said the United States strongly opposed "any action to establish a parallel government".

The rift threatens an agreement signed in Doha on Feb. 29, under which U.S. forces would withdraw within 14 months if the Taliban met security guarantees. Talks between the Taliban and an Afghan negotiating team had been due to start on Tuesday but a dispute over prisoner releases has held them up.

"Two presidents, and still no one can stop the rockets," said Rahmatullah, a taxi driver waiting in traffic outside the cordoned-off palace district.""",
        countries="AF US",
        opt_countries="QA",
        officials=[
            off("ghani|ashraf ghani", "Ashraf Ghani", "President", "AF"),
            off("abdullah", "Abdullah Abdullah", "Chief Executive", "AF"),
            off("saleh|amrullah saleh", "Amrullah Saleh", "First Vice President", "AF"),
            off("danish|sarwar danish", "Sarwar Danish", "Second Vice President", "AF"),
            off("khalilzad|zalmay khalilzad", "Zalmay Khalilzad", "U.S. special envoy", "US"),
            off("miller|scott miller", "Scott Miller", "commander of NATO's Resolute Support mission", "US"),
            off("pompeo|mike pompeo", "Mike Pompeo", "Secretary of State", "US"),
        ],
        agencies=[
            AFP,
            ag(
                "independent election commission|election commission",
                "Independent Election Commission",
                "government",
                "AF",
            ),
            NATO,
            ag("resolute support", "Resolute Support", "military", None),
        ],
        opt_agencies=[opt("government"), opt("taliban"), opt("negotiating team")],
        coup="none",
    ),
    dispatch(
        "hfin-011",
        "2021-07-16",
        "Reuters photographer Danish Siddiqui killed covering Afghan clashes",
        """NEW DELHI (Reuters) - Reuters photojournalist Danish Siddiqui was killed on Friday while covering a clash between Afghan security forces and Taliban fighters near a border crossing with Pakistan, an Afghan commander said.

Siddiqui, 38, an Indian national, had been embedded since earlier this week with Afghan special forces in the southern province of Kandahar, where the forces were trying to retake the main market area of Spin Boldak. A senior Afghan officer said Siddiqui and a senior officer were killed in Taliban crossfire.

"We are urgently seeking more information, working with authorities in the region," Reuters President Michael Friedenberg and Editor-in-Chief Alessandra Galloni said in a statement. "Danish was an outstanding journalist, a devoted husband and father, and a much-loved colleague."

Farid Mamundzay, Afghanistan's ambassador to India, said he was deeply disturbed by the news. Indian foreign ministry spokesman Arindam Bagchi said New Delhi had conveyed its concern to the government in Kabul and was working to bring the body home.

The Afghan Ministry of Defence said its forces had cleared parts of Spin Boldak. Defence ministry spokesman Fawad Aman said the militants had suffered heavy losses.

Siddiqui won a Pulitzer Prize in 2018 as part of a Reuters team documenting the flight of Rohingya refugees from Myanmar. His photographs of India's second COVID-19 wave, including mass cremations in Delhi, were published around the world.

The Taliban have seized dozens of districts and several border crossings since foreign troops began their final withdrawal in May. Traders at Chaman, on the Pakistani side of Spin Boldak, said the crossing had been closed for days.

Colleagues in Mumbai, where Siddiqui began his career, held a candlelight vigil on Friday evening. "He always went one step closer than anyone else," said photographer Rafiq Maqbool.""",
        countries="AF IN PK MM",
        officials=[
            off("mamundzay|farid mamundzay", "Farid Mamundzay", "ambassador to India", "AF"),
            off("bagchi|arindam bagchi", "Arindam Bagchi", "foreign ministry spokesman", "IN"),
            off("fawad aman|aman", "Fawad Aman", "Defence ministry spokesman", "AF"),
        ],
        agencies=[
            REUTERS,
            defence_ministry("AF", "Afghan Ministry of Defence"),
            foreign_ministry("IN", "Indian foreign ministry"),
        ],
        opt_agencies=[opt("special forces"), opt("security forces"), opt("taliban"), opt("government")],
        coup="none",
    ),
    dispatch(
        "hfin-012",
        "2018-02-09",
        "Koreas march together as Kim's sister joins Moon at Olympic opening",
        """PYEONGCHANG, South Korea (Yonhap) - Athletes from South and North Korea marched together under a unification flag at the opening ceremony of the Winter Olympics on Friday, as Kim Yo Jong, the sister of North Korean leader Kim Jong Un, became the first member of the ruling family to visit the South since the Korean War.

President Moon Jae-in shook hands with Kim Yo Jong and with Kim Yong Nam, president of the Presidium of North Korea's Supreme People's Assembly and the North's nominal head of state, in the VIP box. U.S. Vice President Mike Pence, seated beside Japanese Prime Minister Shinzo Abe a row in front, stayed in his seat as the joint team entered.

Foreign observers called the delegation a propaganda coup for Pyongyang, which only weeks ago was trading threats of nuclear war with Washington.

Kim Yo Jong will have lunch with Moon at the presidential Blue House on Saturday. The Unification Ministry's spokeswoman, Kang Min-seo, said the South hoped the visit would open the way to talks between the North and the United States.

North Korea's official KCNA news agency said the delegation had travelled south "to promote the warm climate of reconciliation". More than 200 North Korean cheerleaders in matching red coats drew as much attention in the stands as the athletes.

Pence, who met Abe in Tokyo earlier this week, has said Washington will soon unveil its toughest sanctions yet on the North. "We will continue to stand with our allies until North Korea abandons its nuclear and ballistic missile programmes," he said in Seoul.

The joint women's ice hockey team, with 12 North Korean players added to the South Korean squad, plays its first game against Switzerland on Saturday.

"I cried when they walked in together," said Park Soo-jin, a 56-year-old spectator from Gangneung whose parents fled the North in 1950.""",
        countries="KR KP US JP CH",
        officials=[
            off("moon jae in|moon", "Moon Jae-in", "President", "KR"),
            off("kim yong nam", "Kim Yong Nam", "president of the Presidium of the Supreme People's Assembly", "KP"),
            off("kim jong un", "Kim Jong Un", "leader", "KP"),
            off("pence|mike pence", "Mike Pence", "Vice President", "US"),
            off("abe|shinzo abe", "Shinzo Abe", "Prime Minister", "JP"),
            off("kang min seo", "Kang Min-seo", "Unification Ministry spokeswoman", "KR"),
        ],
        opt_officials=[opt("kim yo jong")],
        agencies=[
            YONHAP,
            KCNA,
            ag("unification ministry|ministry of unification", "Unification Ministry", "government", "KR"),
        ],
        opt_agencies=[opt("supreme people's assembly|presidium"), opt("blue house")],
        coup="figurative",
    ),
    dispatch(
        "hfin-013",
        "2017-09-03",
        "North Korea conducts sixth nuclear test, says it was an H-bomb",
        """SEOUL (Reuters) - North Korea conducted its sixth and most powerful nuclear test on Sunday, saying it had detonated a hydrogen bomb that could be loaded onto an intercontinental ballistic missile, a claim that drew swift condemnation from Seoul, Tokyo and Beijing.

South Korea's Joint Chiefs of Staff said an artificial earthquake of magnitude 5.7 was detected near the Punggye-ri test site at 12:29 p.m. (0329 GMT). The Korea Meteorological Administration said the blast was five to six times stronger than the North's previous test a year ago. "We are closely monitoring the North's military activity with the United States," JCS spokesman Col. Park Seung-woo said.

The DPRK's official KCNA news agency said leader Kim Jong Un had inspected the device before the test and that it was "a perfect success". State television showed Kim signing the order.

South Korean President Moon Jae-in convened the National Security Council and said the North should be isolated further. U.S. President Donald Trump said on Twitter that North Korea's words and actions "continue to be very hostile and dangerous to the United States". Defense Secretary Jim Mattis later warned of "a massive military response" to any threat to the U.S. or its allies.

Japanese Prime Minister Shinzo Abe called the test "absolutely unacceptable". The Chinese Foreign Ministry said Beijing "firmly opposed" it and urged Pyongyang to stop taking actions that worsen the situation.

Yukiya Amano, director general of the International Atomic Energy Agency, called it an "extremely regrettable act". Diplomats said the UN Security Council would meet on Monday.

Residents of the Chinese border city of Yanji told Yonhap they felt their buildings sway. "The windows shook for several seconds," said Jin Meihua, a hotel receptionist. "We thought it was an earthquake.\"""",
        countries="KP KR JP CN US",
        officials=[
            off("park seung woo", "Park Seung-woo", "JCS spokesman", "KR"),
            off("kim jong un", "Kim Jong Un", "leader", "KP"),
            off("moon jae in|moon", "Moon Jae-in", "President", "KR"),
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("mattis|jim mattis", "Jim Mattis", "Defense Secretary", "US"),
            off("abe|shinzo abe", "Shinzo Abe", "Prime Minister", "JP"),
            off(
                "amano|yukiya amano", "Yukiya Amano", "director general of the International Atomic Energy Agency", None
            ),
        ],
        agencies=[
            REUTERS,
            ag("joint chiefs of staff|jcs", "Joint Chiefs of Staff", "military", "KR"),
            ag(
                "korea meteorological administration|meteorological administration",
                "Korea Meteorological Administration",
                "government",
                "KR",
            ),
            KCNA,
            YONHAP,
            ag("national security council", "National Security Council", "government", "KR"),
            foreign_ministry("CN", "Chinese Foreign Ministry"),
            IAEA,
            UNSC,
        ],
        opt_agencies=[UN_OPT, opt("state television")],
        coup="none",
    ),
    dispatch(
        "hfin-014",
        "2016-07-11",
        "South Sudan's Kiir declares ceasefire after days of fighting in Juba",
        """JUBA (AP) - South Sudan's President Salva Kiir ordered a ceasefire on Monday evening after four days of fighting between his troops and forces loyal to First Vice President Riek Machar killed hundreds of people in the capital and raised fears of a return to full-scale civil war.

Information Minister Michael Makuei Lueth read the order on state television and said Kiir had instructed commanders to "stop any hostilities" and protect civilians. Machar, whose whereabouts were unclear, announced a unilateral truce soon afterwards, a spokesman said.

Heavy weapons, including helicopter gunships and tanks, were used near the airport, in the Jebel neighbourhood and around a United Nations compound sheltering thousands of displaced people. Two Chinese peacekeepers were killed when their armoured vehicle was hit, the UN Mission in South Sudan said. Army spokesman Brig. Gen. Lul Ruai Koang said the army was "in full control" of the city.

UN Secretary-General Ban Ki-moon urged the Security Council to impose an arms embargo on South Sudan and to strengthen the peacekeeping force. The Intergovernmental Authority on Development, the regional bloc that brokered last year's peace deal, called an emergency summit.

The U.S. embassy ordered non-emergency staff to leave, and Uganda sent troops to open a corridor for its citizens to get out.

South Sudan became independent from Sudan in 2011 after decades of war, but fell into its own conflict in 2013. Khartoum said it was following the fighting closely and would not allow either side to use its territory.

"We slept on the floor of the church for three nights," said Mary Akol, a mother of four who fled the Gudele area. "There is no food. Even the water is finished.\"""",
        countries="SS SD CN US UG",
        officials=[
            off("kiir|salva kiir", "Salva Kiir", "President", "SS"),
            off("machar|riek machar", "Riek Machar", "First Vice President", "SS"),
            off("makuei|makuei lueth|michael makuei", "Michael Makuei Lueth", "Information Minister", "SS"),
            off("koang|lul ruai koang", "Lul Ruai Koang", "Army spokesman", "SS"),
            off("ban ki moon", "Ban Ki-moon", "UN Secretary-General", None),
        ],
        agencies=[
            AP,
            UN,
            ag(
                "un mission in south sudan|unmiss|mission in south sudan",
                "UN Mission in South Sudan",
                "international",
                None,
            ),
            UNSC,
            IGAD,
        ],
        opt_agencies=[opt("army"), opt("state television"), opt("embassy")],
        coup="none",
    ),
    dispatch(
        "hfin-015",
        "2023-06-16",
        "Sudanese refugees pour into Chad after Darfur governor killed",
        """ADRE, Chad (Reuters) - Thousands of Sudanese refugees crossed into eastern Chad this week, many with gunshot wounds, fleeing renewed killing in El Geneina after the governor of Sudan's West Darfur state was abducted and killed, aid workers said on Friday.

More than 100,000 people have fled into Chad since war broke out in April between the Sudanese Armed Forces and the paramilitary Rapid Support Forces (RSF), the UN refugee agency UNHCR said. UN High Commissioner for Refugees Filippo Grandi said the number could double within months.

Governor Khamis Abakar was killed on Wednesday hours after accusing the RSF and allied Arab militias of "genocide" in a television interview. The army blamed the RSF, which denied involvement and said it had tried to protect him.

Army chief General Abdel Fattah al-Burhan, head of Sudan's ruling Sovereign Council, called the killing "a treacherous act". Burhan and RSF commander Mohamed Hamdan Dagalo, known as Hemedti, jointly led the October 2021 coup that derailed Sudan's transition to civilian rule, before falling out over plans to merge their forces.

Chad's transitional president, Mahamat Idriss Deby, has ordered the army to reinforce the border. Chad's minister for public health, Abdelmadjid Abderahim, said hospitals in Adre were overwhelmed.

Across the other border, South Sudan has received more than 100,000 people, most of them South Sudanese who had lived in Sudan as refugees and are returning to a country still struggling with its own conflict.

"They shot my husband in front of the house," said Hawa Adam, 31, sitting under a tree with her five children. "We walked for three days. I do not know where my brother is."

Medecins Sans Frontieres said it had treated more than 600 wounded people at its clinic in Adre in three days.""",
        countries="SD TD SS",
        officials=[
            off("grandi|filippo grandi", "Filippo Grandi", "UN High Commissioner for Refugees", None),
            off("abakar|khamis abakar", "Khamis Abakar", "Governor of West Darfur", "SD"),
            off("burhan|abdel fattah al burhan", "Abdel Fattah al-Burhan", "head of the Sovereign Council", "SD"),
            off("mahamat idriss deby|deby", "Mahamat Idriss Deby", "transitional president", "TD"),
            off("abderahim|abdelmadjid abderahim", "Abdelmadjid Abderahim", "minister for public health", "TD"),
        ],
        opt_officials=[opt("dagalo|hemedti|mohamed hamdan dagalo")],
        agencies=[
            REUTERS,
            ag("sudanese armed forces", "Sudanese Armed Forces", "military", "SD"),
            UNHCR,
            ag("sovereign council", "Sovereign Council", "government", "SD"),
        ],
        opt_agencies=[UN_OPT, opt("rapid support forces|rsf"), opt("army")],
        coup="historical",
    ),
    dispatch(
        "hfin-016",
        "2016-12-20",
        "Protests erupt in Kinshasa as Kabila's mandate expires",
        """KINSHASA (Reuters) - Security forces in the Democratic Republic of Congo fired on protesters in Kinshasa and other cities on Tuesday after President Joseph Kabila's final term expired at midnight without an election to choose his successor, witnesses and the United Nations said.

Residents blew whistles, a sign of their demand that Kabila leave, and groups of young men burned tyres in the Matete and Kalamu districts before police dispersed them with tear gas and live rounds. The UN peacekeeping mission, MONUSCO, said it had received reports of at least 20 deaths.

Shortly after midnight, Kabila named a new government under Prime Minister Samy Badibanga. Government spokesman Lambert Mende said the president would stay in office until an election under a constitutional court ruling and that "the country is calm".

Veteran opposition leader Etienne Tshisekedi, 84, called in a video message for Congolese to "peacefully resist" and said the president was no longer legitimate. Catholic bishops are mediating talks between the government and opposition on a transition.

The U.S. State Department said Washington was deeply concerned and had imposed sanctions on two senior officials last week. Belgium's foreign minister, Didier Reynders, said the DRC risked sliding into violence.

Across the Congo River in Brazzaville, the Ministry of Foreign Affairs of the Republic of Congo said it had reinforced patrols at river crossings and would not let "any armed group" use its territory. Thousands of people from Kinshasa crossed to the smaller neighbour during unrest in September.

Kabila has ruled since his father's assassination in 2001. The electoral commission says voter registration will not finish until mid-2017.

"We are not afraid any more," said Jean-Paul Mutombo, a 27-year-old motorcycle taxi driver, standing near a burning barricade in Lemba. "If they shoot, we come back tomorrow.\"""",
        countries="CD US BE CG",
        officials=[
            off("kabila|joseph kabila", "Joseph Kabila", "President", "CD"),
            off("badibanga|samy badibanga", "Samy Badibanga", "Prime Minister", "CD"),
            off("mende|lambert mende", "Lambert Mende", "Government spokesman", "CD"),
            off("reynders|didier reynders", "Didier Reynders", "foreign minister", "BE"),
        ],
        opt_officials=[opt("tshisekedi|etienne tshisekedi")],
        agencies=[
            REUTERS,
            UN,
            ag("monusco", "MONUSCO", "international", None),
            STATE_DEPT,
            foreign_ministry("CG", "Ministry of Foreign Affairs"),
        ],
        opt_agencies=[
            opt("police"),
            opt("security forces"),
            opt("constitutional court"),
            opt("electoral commission"),
            opt("government"),
        ],
        coup="none",
    ),
    dispatch(
        "hfin-017",
        "2025-06-27",
        "Congo and Rwanda sign peace deal in Washington",
        """WASHINGTON (AP) - The foreign ministers of Congo and Rwanda signed a peace agreement in Washington on Friday aimed at ending decades of fighting in eastern Congo, a deal hailed by U.S. officials as a diplomatic coup for President Donald Trump.

Congolese Foreign Minister Therese Kayikwamba Wagner and her Rwandan counterpart, Olivier Nduhungirehe, signed the accord at the State Department alongside Secretary of State Marco Rubio. Under the deal, Rwanda is to withdraw its troops from Congolese territory within 90 days, and the two sides will set up a joint security mechanism and a regional economic framework.

"Today is an important moment after 30 years of war," Rubio said. Kayikwamba Wagner said the agreement must be followed by the "respect of sovereignty" on the ground, while Nduhungirehe said there was "a great deal of uncertainty" because previous agreements had not been carried out.

Trump, who received the ministers in the Oval Office later, said the United States would get "a lot of the mineral rights" from Congo, which has large deposits of cobalt, copper and lithium. Massad Boulos, Trump's senior adviser for Africa, said Presidents Felix Tshisekedi and Paul Kagame would meet in Washington within weeks.

The M23 rebel group, which seized Goma and Bukavu this year with what UN experts say is backing from Kigali, is not a party to the deal. Qatar is hosting separate talks between the DRC government and the rebels.

In Brazzaville, the government of the neighbouring Republic of Congo welcomed the agreement and said it was ready to host follow-up meetings.

In Goma, reactions were cautious. "We have heard about peace many times," said Esperance Kahindo, a market trader who lost her brother in January's fighting. "When the soldiers leave, then I will believe it.\"""",
        countries="CD RW US QA CG",
        officials=[
            off(
                "kayikwamba|kayikwamba wagner|therese kayikwamba wagner",
                "Therese Kayikwamba Wagner",
                "Foreign Minister",
                "CD",
            ),
            off("nduhungirehe|olivier nduhungirehe", "Olivier Nduhungirehe", "foreign minister", "RW"),
            off("rubio|marco rubio", "Marco Rubio", "Secretary of State", "US"),
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("boulos|massad boulos", "Massad Boulos", "senior adviser for Africa", "US"),
            off("tshisekedi|felix tshisekedi", "Felix Tshisekedi", "President", "CD"),
            off("kagame|paul kagame", "Paul Kagame", "President", "RW"),
        ],
        agencies=[AP, STATE_DEPT],
        opt_agencies=[opt("m23"), opt("oval office"), opt("government"), UN_OPT],
        coup="figurative",
    ),
    dispatch(
        "hfin-018",
        "2020-02-29",
        "Washington state reports first U.S. coronavirus death",
        """SEATTLE (Reuters) - A man in his 50s with underlying health conditions died of the coronavirus in Washington state, the first known death from the disease in the United States, health officials said on Saturday, as Gov. Jay Inslee declared a state of emergency.

The patient died at EvergreenHealth Medical Center in Kirkland, a Seattle suburb. Dr. Kathy Lofy, the state health officer, said he had no known travel history, raising concern that the virus was spreading in the community. Officials said they were also investigating an outbreak at a Kirkland nursing home where dozens of residents and staff were ill.

"It is a sad day in our state as we learn that a Washington resident has died," Inslee said. The emergency order lets state agencies use the National Guard and draw on emergency funds.

At the White House, President Donald Trump announced new travel restrictions on Iran and raised warnings against travel to parts of Italy and South Korea. Vice President Mike Pence, who is leading the federal response, said the risk to Americans remained low. The Centers for Disease Control and Prevention said there were now 22 confirmed cases in the country.

The virus, first identified in the Chinese city of Wuhan in December, has infected more than 85,000 people worldwide. The World Health Organization this week raised its global risk assessment to "very high".

Chad Mercer, whose mother lives at the Kirkland nursing home, said he had been told not to visit. "Nobody is telling us anything clear," he said outside the building. "I just want to know if she is OK."

Seattle-area companies including Microsoft and Amazon have restricted non-essential travel. Officials in Washington, D.C., said the administration would ask Congress for more money to fight the outbreak.""",
        countries="US IR IT KR CN",
        officials=[
            off("inslee|jay inslee", "Jay Inslee", "Governor", "US"),
            off("lofy|kathy lofy", "Kathy Lofy", "state health officer", "US"),
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("pence|mike pence", "Mike Pence", "Vice President", "US"),
        ],
        agencies=[
            REUTERS,
            ag(
                "centers for disease control|cdc|centers for disease control and prevention",
                "Centers for Disease Control and Prevention",
                "government",
                "US",
            ),
            WHO,
        ],
        opt_agencies=[opt("national guard"), opt("white house"), opt("congress")],
        coup="none",
    ),
    dispatch(
        "hfin-019",
        "2017-01-07",
        "Ivorian defence minister held briefly as mutiny spreads",
        """ABIDJAN (AFP) - Mutinous soldiers in Côte d'Ivoire briefly held Defence Minister Alain-Richard Donwahi in the second city of Bouake on Saturday, as a revolt over pay and bonuses spread to several barracks across the country, witnesses and officials said.

Donwahi had travelled to Bouake to negotiate with the mutineers, who seized the city on Friday. Soldiers surrounded the house where talks were being held and would not let the minister leave for about two hours, a member of his delegation said. He was later released unharmed.

President Alassane Ouattara said in a televised address on Saturday night that he had agreed to consider the soldiers' demands, including bonuses and housing, but told them to return to barracks. "I want to reaffirm our determination to improve the living conditions of the soldiers," he said.

Many of the mutineers are former rebels who fought for Ouattara during the 2002-2011 crisis and were later integrated into the army. Army spokesman Lt. Col. Koffi N'Guessan said order had been restored in Abidjan's Akouedo camp, where shooting was heard overnight.

The revolt revived memories of December 1999, when a pay protest by soldiers turned into the country's first coup, led by General Robert Guei, which ousted President Henri Konan Bedie.

The UN peacekeeping mission, due to leave the world's top cocoa producer this year, urged restraint. France, which has about 900 soldiers at a base near Abidjan, said its forces were not involved.

Ivorian exporters said cocoa shipments from San Pedro were not affected.

"We were in class when we heard the shooting. The teachers sent everyone home," said Aminata Kone, a secondary school pupil in Bouake. Shops stayed closed and the streets were almost empty, residents said.""",
        countries="CI FR",
        officials=[
            off("donwahi|alain richard donwahi", "Alain-Richard Donwahi", "Defence Minister", "CI"),
            off("ouattara|alassane ouattara", "Alassane Ouattara", "President", "CI"),
            off("n guessan|nguessan|koffi n guessan", "Koffi N'Guessan", "Army spokesman", "CI"),
        ],
        opt_officials=[opt("guei|robert guei"), opt("bedie|konan bedie")],
        agencies=[AFP, UN],
        opt_agencies=[opt("army")],
        coup="historical",
    ),
    dispatch(
        "hfin-020",
        "2016-09-14",
        "Obama to lift Burma sanctions as Suu Kyi visits White House",
        """WASHINGTON (Reuters) - President Barack Obama said on Wednesday he would lift remaining U.S. economic sanctions on Burma, after meeting Aung San Suu Kyi at the White House on her first visit since her party took power in the Southeast Asian nation.

"The United States is now prepared to lift sanctions that we have had on Burma for quite some time," Obama told reporters in the Oval Office, with Suu Kyi at his side. "It is the right thing to do."

Suu Kyi, who is State Counsellor and Foreign Minister in the government of President Htin Kyaw, said the time had come to remove the sanctions. "We think the time has now come," she said, adding that investment would help Myanmar's people.

The Treasury Department will lift the national emergency order that underpins the sanctions, and Obama said he would restore trade benefits under a programme for developing countries. Some measures against individuals linked to human rights abuses would stay.

Burma, the name Washington still uses officially, was ruled by the military from a 1962 coup until 2011, when a nominally civilian government began reforms. The armed forces, known as the Tatmadaw, still control a quarter of seats in parliament and the defence, border and home affairs ministries.

Human rights groups warned that lifting sanctions now would reduce leverage over the military, which is accused of abuses against the Rohingya Muslim minority in Rakhine state. Beijing has been the country's main investor.

"Sanctions hit ordinary businesses more than generals," said Thant Zin, a Yangon garment factory owner who exports to the United States. "We need buyers, not punishment."

Secretary of State John Kerry, who visited Naypyitaw in May, said the lifting was a recognition of the progress made.""",
        countries="US MM CN",
        officials=[
            off("obama|barack obama", "Barack Obama", "President", "US"),
            off("suu kyi|aung san suu kyi", "Aung San Suu Kyi", "State Counsellor and Foreign Minister", "MM"),
            off("htin kyaw", "Htin Kyaw", "President", "MM"),
            off("kerry|john kerry", "John Kerry", "Secretary of State", "US"),
        ],
        agencies=[
            REUTERS,
            ag("treasury department|department of the treasury|treasury", "Treasury Department", "government", "US"),
            ag("tatmadaw", "Tatmadaw", "military", "MM"),
        ],
        opt_agencies=[
            opt("white house"),
            opt("oval office"),
            opt("armed forces"),
            opt("military"),
            opt("parliament"),
            opt("government"),
        ],
        coup="historical",
    ),
    dispatch(
        "hfin-021",
        "2015-07-14",
        "Iran and six powers reach nuclear deal in Vienna",
        """VIENNA (AFP) - Iran and six world powers reached a long-sought agreement on Tuesday to curb Tehran's nuclear programme in exchange for lifting international sanctions, ending more than a decade of standoff after 18 days of final talks in Vienna.

Iranian Foreign Minister Mohammad Javad Zarif and EU foreign policy chief Federica Mogherini announced the Joint Comprehensive Plan of Action at the United Nations complex in the Austrian capital. "This is a sign of hope for the entire world," Mogherini said. Zarif called it "a historic moment" and said the Islamic Republic of Iran had never sought nuclear weapons.

Under the deal, Iran will cut its stock of enriched uranium by 98 percent and reduce its centrifuges by two-thirds for ten years, and inspectors from the International Atomic Energy Agency will have access to suspect sites. IAEA Director General Yukiya Amano signed a separate road map with Iran to resolve questions about past work.

U.S. Secretary of State John Kerry, who spent weeks at the Palais Coburg hotel, said the agreement closed every path to a bomb. In Washington, President Barack Obama said he would veto any attempt by Congress to block it. Iranian President Hassan Rouhani said in a televised speech that "a new chapter" had begun, a diplomatic coup for the cleric who was elected in 2013 on a promise to end Iran's isolation.

British Foreign Secretary Philip Hammond, French Foreign Minister Laurent Fabius, Germany's Frank-Walter Steinmeier, Russia's Sergei Lavrov and China's Wang Yi attended the ceremony. The UN Security Council is expected to endorse the deal within days.

Israeli Prime Minister Benjamin Netanyahu called it "a historic mistake". The official IRNA news agency reported celebrations in Tehran.

"Maybe now my son can buy medicine without waiting months," said Parvin Ahmadi, a retired teacher reached by telephone in Isfahan.""",
        countries="IR US GB FR DE RU CN IL AT",
        officials=[
            off("zarif|javad zarif", "Mohammad Javad Zarif", "Foreign Minister", "IR"),
            off("mogherini|federica mogherini", "Federica Mogherini", "EU foreign policy chief", None),
            off("amano|yukiya amano", "Yukiya Amano", "IAEA Director General", None),
            off("kerry|john kerry", "John Kerry", "Secretary of State", "US"),
            off("obama|barack obama", "Barack Obama", "President", "US"),
            off("rouhani|hassan rouhani", "Hassan Rouhani", "President", "IR"),
            off("hammond|philip hammond", "Philip Hammond", "Foreign Secretary", "GB"),
            off("fabius|laurent fabius", "Laurent Fabius", "Foreign Minister", "FR"),
            off("steinmeier|frank walter steinmeier", "Frank-Walter Steinmeier", "Foreign Minister", "DE"),
            off("lavrov|sergei lavrov", "Sergei Lavrov", "Foreign Minister", "RU"),
            off("wang yi", "Wang Yi", "Foreign Minister", "CN"),
            off("netanyahu|benjamin netanyahu", "Benjamin Netanyahu", "Prime Minister", "IL"),
        ],
        agencies=[AFP, EU, IAEA, UNSC, IRNA],
        opt_agencies=[UN, opt("congress")],
        coup="figurative",
    ),
    dispatch(
        "hfin-022",
        "2023-02-07",
        "Erdogan declares emergency as Türkiye-Syria quake toll passes 7,000",
        """ISTANBUL (Reuters) - President Tayyip Erdogan declared a three-month state of emergency on Tuesday in ten provinces of southern Türkiye hit by the country's deadliest earthquake in decades, as the combined death toll with neighbouring Syria rose above 7,000.

Rescuers worked through freezing rain to pull survivors from flattened apartment blocks in Kahramanmaras, Hatay and Gaziantep. "We are facing one of the greatest disasters in our region's history," Erdogan said in Ankara.

Turkey's Disaster and Emergency Management Authority (AFAD) said 5,434 people had been killed and more than 31,000 injured in Türkiye alone. Vice President Fuat Oktay said about 8,000 people had been rescued from the rubble. Health Minister Fahrettin Koca said field hospitals were being set up in the worst-hit areas.

In Syria, the health ministry in Damascus said more than 800 people had died in government-held areas. Rescue workers in the rebel-held northwest said hundreds more were buried. President Bashar al-Assad chaired an emergency cabinet meeting, state news agency SANA reported.

UN Secretary-General Antonio Guterres urged the world to help "all the families". The European Union sent search and rescue teams through its civil protection mechanism, and NATO allies including Greece, whose foreign minister Nikos Dendias phoned his Turkish counterpart, dispatched crews.

The Turkish military set up an air bridge to the region, the state-run Anadolu news agency reported.

Anger grew in some towns at the slow arrival of help. "My mother and sister are under there and nobody came for a day," said Mehmet Yildiz, standing by the ruins of a seven-storey building in Antakya. "We dug with our hands."

The first quake, of magnitude 7.8, struck before dawn on Monday and was followed hours later by a second of magnitude 7.5.""",
        countries="TR SY GR",
        officials=[
            off("erdogan|tayyip erdogan", "Tayyip Erdogan", "President", "TR"),
            off("oktay|fuat oktay", "Fuat Oktay", "Vice President", "TR"),
            off("koca|fahrettin koca", "Fahrettin Koca", "Health Minister", "TR"),
            off("assad|bashar al assad", "Bashar al-Assad", "President", "SY"),
            off("guterres|antonio guterres", "Antonio Guterres", "UN Secretary-General", None),
            off("dendias|nikos dendias", "Nikos Dendias", "foreign minister", "GR"),
        ],
        agencies=[
            REUTERS,
            ag(
                "afad|disaster and emergency management authority",
                "Disaster and Emergency Management Authority",
                "government",
                "TR",
            ),
            ag("health ministry|ministry of health", "Syrian health ministry", "government", "SY"),
            ag("sana", "SANA", "news_agency", "SY"),
            UN,
            EU,
            NATO,
            ANADOLU,
        ],
        opt_agencies=[opt("military"), opt("cabinet"), opt("civil protection mechanism")],
        coup="none",
    ),
    dispatch(
        "hfin-023",
        "2025-10-14",
        "Madagascar army unit says it has taken power after Rajoelina impeached",
        """ANTANANARIVO (AFP) - An elite Malagasy army unit announced on Tuesday that it had taken power in Madagascar, minutes after lawmakers voted to impeach President Andry Rajoelina, who left the country at the weekend after three weeks of youth-led protests.

Colonel Michael Randrianirina, commander of the CAPSAT unit, told reporters outside the presidential palace that the military was suspending all institutions except the National Assembly and would set up a council of officers to govern for up to two years before elections. "We are taking power," he said.

The National Assembly voted 130 to 1 to remove Rajoelina, who had tried to dissolve the chamber hours earlier from an undisclosed location. His office said the vote was unconstitutional and called the soldiers' move "an attempted coup".

CAPSAT, which helped bring Rajoelina to power in 2009, sided with the protesters on Saturday. Thousands of people celebrated in the capital's May 13 Square as armoured vehicles passed.

The protests began on Sept. 25 over chronic water and power cuts and grew into calls for Rajoelina to resign. The United Nations says at least 22 people were killed in the first days of the unrest.

The African Union said it rejected any unconstitutional change of government and was considering suspending the Indian Ocean island. Mahmoud Ali Youssouf, chairperson of the AU Commission, called for calm. The Southern African Development Community said it would send a mission.

French President Emmanuel Macron, whose country is the former colonial power, said France was concerned but would not intervene. French media reported Rajoelina had been flown out on a French military aircraft, which Paris did not confirm.

"We did not march for soldiers, we marched for water and light," said Fanja Rakotoarisoa, a 23-year-old student. "But today, people are happy he is gone.\"""",
        countries="MG FR",
        officials=[
            off("randrianirina|michael randrianirina", "Michael Randrianirina", "commander of the CAPSAT unit", "MG"),
            off("youssouf|mahmoud ali youssouf", "Mahmoud Ali Youssouf", "chairperson of the AU Commission", None),
            off("macron|emmanuel macron", "Emmanuel Macron", "President", "FR"),
        ],
        opt_officials=[opt("rajoelina|andry rajoelina")],
        agencies=[AFP, ag("capsat", "CAPSAT", "military", "MG"), AU, SADC, UN],
        opt_agencies=[opt("national assembly"), opt("military"), opt("army"), opt("au commission")],
        coup="current",
    ),
    dispatch(
        "hfin-024",
        "2021-04-13",
        "Benin's Talon wins second term with 86 percent, commission says",
        """COTONOU (Reuters) - Benin's President Patrice Talon won re-election with 86 percent of the vote, provisional results showed on Tuesday, after an election from which most of the main opposition figures were excluded and which was marred by deadly clashes.

Emmanuel Tiando, president of the Autonomous National Electoral Commission (CENA), said turnout in Sunday's vote was about 50 percent, down from 66 percent in 2016. Talon's two challengers, Alassane Soumanou and Corentin Kohoue, won 11 percent and 2 percent.

Talon's running mate, Mariam Chabi Talata, is set to become the country's first woman vice president when he is sworn in next month.

Beninese opposition leaders said the result was decided in advance because a new electoral law required candidates to be sponsored by a number of lawmakers and mayors, almost all of whom support the president. Reckya Madougou, who was barred from standing, was arrested last month on terrorism charges her supporters say are fabricated.

At least two people were killed in the central towns of Save and Tchaourou, where protesters blocked roads before the vote, according to a local official. Government spokesman Alain Orounla said the security forces had acted "with restraint" and that those responsible for violence would be prosecuted.

Talon, a cotton magnate who first won power in 2016, says his reforms have improved roads and public finances. Critics, including Western diplomats, say Benin, once seen as a model democracy in West Africa, has become increasingly authoritarian.

Observers from the Economic Community of West African States said the vote was generally peaceful.

"I voted because the road to my village is finally paved," said Innocent Dossou, a mechanic in Cotonou. His neighbour, Sylvie Agossou, said she had stayed home. "There was no one to vote for," she said.""",
        countries="BJ",
        officials=[
            off("talon|patrice talon", "Patrice Talon", "President", "BJ"),
            off(
                "tiando|emmanuel tiando",
                "Emmanuel Tiando",
                "president of the Autonomous National Electoral Commission",
                "BJ",
            ),
            off("orounla|alain orounla", "Alain Orounla", "Government spokesman", "BJ"),
        ],
        opt_officials=[
            opt("talata|chabi talata|mariam chabi talata"),
            opt("soumanou|alassane soumanou"),
            opt("kohoue|corentin kohoue"),
            opt("madougou|reckya madougou"),
        ],
        agencies=[
            REUTERS,
            ag(
                "autonomous national electoral commission|cena|electoral commission",
                "Autonomous National Electoral Commission",
                "government",
                "BJ",
            ),
            ECOWAS,
        ],
        opt_agencies=[opt("security forces"), opt("government")],
        coup="none",
    ),
    dispatch(
        "hfin-025",
        "2025-02-10",
        "Kurti's party leads Kosovo election but may fall short of majority",
        """PRISTINA (Reuters) - Prime Minister Albin Kurti's Vetevendosje party won the most votes in Kosovo's parliamentary election but appeared to fall short of the majority it needs to govern alone, preliminary results showed on Monday.

With almost all polling stations counted, Vetevendosje had about 42 percent of the vote, down from 50 percent in 2021, the Central Election Commission said. The Democratic Party of Kosovo had 21 percent and the Democratic League of Kosovo 18 percent. Commission chairman Kreshnik Radoniqi said votes from abroad and by post would be counted this week.

Kurti, 49, claimed victory at a rally in the capital. "We will form the new government, and it will be stronger," he told supporters. President Vjosa Osmani urged parties to form a government quickly.

The result will shape relations with Serbia, which does not recognise Kosovo's 2008 declaration of independence. Kurti's government has closed Serbian-run institutions in the ethnic Serb north, angering Belgrade and straining ties with Western allies, which say the moves raised tensions. Serbian President Aleksandar Vucic said Kosovar authorities were "terrorising" Serbs; Srpska Lista, the main Serb party, said it won all ten seats reserved for Serbs.

The European Union, which cut some funding to Pristina in 2023 over the unrest in the north, urged both sides to return to the dialogue it mediates. NATO's KFOR peacekeeping force, which has about 4,500 troops in Kosovo, said the vote passed without incident.

Washington has pushed Kurti to ease tensions. A U.S. embassy spokesperson said the United States looked forward to working with the next government.

"People here want jobs, not only a fight with Belgrade," said Arben Gashi, a 34-year-old engineer who works in Germany and returned home to vote. Many Kosovars abroad travelled back for the election.""",
        countries="XK RS US DE",
        officials=[
            off("kurti|albin kurti", "Albin Kurti", "Prime Minister", "XK"),
            off("radoniqi|kreshnik radoniqi", "Kreshnik Radoniqi", "Commission chairman", "XK"),
            off("osmani|vjosa osmani", "Vjosa Osmani", "President", "XK"),
            off("vucic|aleksandar vucic", "Aleksandar Vucic", "President", "RS"),
        ],
        agencies=[
            REUTERS,
            ag("central election commission|election commission", "Central Election Commission", "government", "XK"),
            EU,
            NATO,
            KFOR,
        ],
        opt_agencies=[
            opt("vetevendosje"),
            opt("srpska lista"),
            opt("democratic party of kosovo"),
            opt("democratic league of kosovo"),
            opt("embassy"),
            opt("government"),
        ],
        coup="none",
    ),
    dispatch(
        "hfin-026",
        "2019-09-25",
        "First Emirati astronaut blasts off from Baikonur",
        """BAIKONUR, Kazakhstan (TASS) - Hazza al-Mansoori became the first Emirati in space on Wednesday, blasting off from the Baikonur cosmodrome on a Russian Soyuz rocket bound for the International Space Station with a Russian cosmonaut and an American astronaut.

The Soyuz MS-15 lifted off at 16:57 Moscow time and reached orbit about nine minutes later, Russia's space agency Roscosmos said. The crew, including cosmonaut Oleg Skripochka and NASA astronaut Jessica Meir, was due to dock with the station six hours later.

Mansoori, a 35-year-old former military pilot, will spend eight days on the station, carrying out experiments and giving a tour of the station in Arabic. The flight is a public relations coup for the United Arab Emirates, which plans to send a probe to Mars next year.

Sheikh Mohammed bin Rashid Al Maktoum, the UAE's vice president and prime minister and ruler of Dubai, watched the launch at the Mohammed bin Rashid Space Centre in Dubai and said on Twitter that the mission "inspires our youth". Abu Dhabi's crown prince, Sheikh Mohamed bin Zayed Al Nahyan, called it "a historic day", state news agency WAM reported.

Dmitry Rogozin, the director general of Roscosmos, watched the launch from the control centre and said Russia was ready to train more astronauts from the Gulf.

Mansoori's backup, Sultan al-Neyadi, followed the launch at Baikonur, which Russia leases from Kazakhstan. Kazakh officials said the launch went smoothly.

In Dubai, hundreds of schoolchildren gathered at a mall to watch the broadcast. "He is from our country, he speaks like us," said 12-year-old Mariam Khalfan, waving a small Emirati flag. "Maybe one day I will go too.\"""",
        countries="AE KZ RU US",
        officials=[
            off(
                "maktoum|mohammed bin rashid",
                "Sheikh Mohammed bin Rashid Al Maktoum",
                "vice president and prime minister",
                "AE",
            ),
            off("nahyan|mohamed bin zayed", "Sheikh Mohamed bin Zayed Al Nahyan", "crown prince of Abu Dhabi", "AE"),
            off("rogozin|dmitry rogozin", "Dmitry Rogozin", "director general of Roscosmos", "RU"),
        ],
        agencies=[TASS, ag("roscosmos", "Roscosmos", "government", "RU"), ag("nasa", "NASA", "government", "US"), WAM],
        opt_agencies=[opt("mohammed bin rashid space centre|space centre")],
        coup="figurative",
    ),
    dispatch(
        "hfin-027",
        "2022-12-08",
        "Peru's Castillo ousted and arrested after trying to dissolve Congress",
        """LIMA (EFE) - Dina Boluarte was sworn in as Peru's first female president on Wednesday after Congress removed Pedro Castillo hours after he tried to dissolve the legislature and rule by decree, a move lawmakers and his own ministers called an attempted coup.

Castillo, a former rural schoolteacher, announced on national television around noon that he was dissolving Congress, imposing a curfew and forming an "exceptional emergency government". Within hours, several ministers resigned, and the armed forces and police said in a joint statement that they would uphold the constitution.

Congress then voted 101 to 6 to remove him for "permanent moral incapacity". Castillo was detained by his own security detail as he drove through Lima, reportedly heading to the Mexican embassy to seek asylum, and was taken to a police base.

"I assume the office knowing the enormous responsibility," Boluarte, who was vice president, said in her first address. She called for a political truce and said she would serve until 2026.

Congress president Jose Williams said the chamber had acted to defend democracy. Attorney General Patricia Benavides said prosecutors had opened an investigation for rebellion and conspiracy.

Mexican President Andres Manuel Lopez Obrador said it was "regrettable" that Castillo had been removed and blamed his opponents for a campaign against him. U.S. Ambassador Lisa Kenna had urged Castillo on Twitter to reverse his decision. The Organization of American States, whose Secretary General Luis Almagro had criticised the dissolution, welcomed the restoration of order.

Peru has had six presidents since 2016. Castillo's supporters gathered outside the police base, and some roads were blocked in the southern Andes.

"He was one of us, and they never let him govern," said Eulogia Quispe, a farmer from Cusco. In central Lima, office worker Martin Salazar said he was relieved. "We almost lost everything today," he said.""",
        countries="PE MX US",
        officials=[
            off("boluarte|dina boluarte", "Dina Boluarte", "President", "PE"),
            off("williams|jose williams", "Jose Williams", "Congress president", "PE"),
            off("benavides|patricia benavides", "Patricia Benavides", "Attorney General", "PE"),
            off("lopez obrador|andres manuel lopez obrador", "Andres Manuel Lopez Obrador", "President", "MX"),
            off("kenna|lisa kenna", "Lisa Kenna", "U.S. Ambassador", "US"),
            off(
                "almagro|luis almagro", "Luis Almagro", "Secretary General of the Organization of American States", None
            ),
        ],
        opt_officials=[opt("castillo|pedro castillo")],
        agencies=[EFE, OAS],
        opt_agencies=[opt("congress"), opt("armed forces"), opt("police"), opt("embassy"), opt("emergency government")],
        coup="current",
    ),
    dispatch(
        "hfin-028",
        "2020-08-19",
        "Mali's Keita resigns after soldiers detain him in mutiny",
        """BAMAKO (Reuters) - Mali's President Ibrahim Boubacar Keita resigned and dissolved parliament in a televised address shortly before midnight on Tuesday, hours after mutinous soldiers detained him and Prime Minister Boubou Cisse at gunpoint, in a coup condemned by West African neighbours and the United Nations.

"I do not want any blood to be shed to keep me in power," Keita, wearing a face mask, said on state broadcaster ORTM.

In the early hours of Wednesday, the soldiers, calling themselves the National Committee for the Salvation of the People, appeared on television and promised a civilian political transition and new elections "within a reasonable time". Their spokesman, Colonel-Major Ismael Wague, deputy chief of staff of the air force, said the soldiers had acted to stop the country sinking into chaos. Later in the day Colonel Assimi Goita introduced himself as the committee's president.

The revolt began at the Kati military camp, 15 km from Bamako, and was greeted by cheering crowds who had protested for months against Keita over corruption and a jihadist insurgency.

The Economic Community of West African States, chaired by Niger's President Mahamadou Issoufou, closed borders with Mali and suspended it from its decision-making bodies. The African Union also suspended Mali. UN Secretary-General Antonio Guterres demanded the "immediate and unconditional release" of Keita, and the Security Council met behind closed doors.

French President Emmanuel Macron, whose country has 5,100 troops fighting Islamist militants in the Sahel, held talks with Issoufou and other leaders. The UN peacekeeping mission MINUSMA said it was monitoring the situation.

"We have been waiting for this," said Moussa Traore, a 30-year-old shopkeeper in central Bamako. "Now the soldiers must keep their word.\"""",
        countries="ML NE FR",
        officials=[
            off("wague|ismael wague", "Ismael Wague", "spokesman", "ML"),
            off(
                "goita|assimi goita",
                "Assimi Goita",
                "president of the National Committee for the Salvation of the People",
                "ML",
            ),
            off("issoufou|mahamadou issoufou", "Mahamadou Issoufou", "President", "NE"),
            off("guterres|antonio guterres", "Antonio Guterres", "UN Secretary-General", None),
            off("macron|emmanuel macron", "Emmanuel Macron", "President", "FR"),
        ],
        opt_officials=[opt("keita|ibrahim boubacar keita"), opt("cisse|boubou cisse")],
        agencies=[
            REUTERS,
            ag(
                "national committee for the salvation of the people",
                "National Committee for the Salvation of the People",
                "government",
                "ML",
            ),
            ECOWAS,
            AU,
            UN,
            UNSC,
            ag("minusma", "MINUSMA", "international", None),
        ],
        opt_agencies=[opt("ortm"), opt("parliament"), opt("air force")],
        coup="current",
    ),
    dispatch(
        "hfin-029",
        "2017-11-15",
        "Zimbabwe army takes control, says Mugabe is safe",
        """HARARE (Reuters) - Zimbabwe's military took control of the country on Wednesday, saying it was targeting "criminals" around President Robert Mugabe, who was confined to his home in Harare, in what the African Union's chairman called a coup.

Soldiers and armoured vehicles blocked roads to government offices, parliament and the courts. In an overnight statement on state broadcaster ZBC, Major General Sibusiso Moyo said: "This is not a military takeover of government." He said the president and his family were "safe and sound".

The move followed Mugabe's sacking last week of Vice President Emmerson Mnangagwa, a former security chief favoured by the army to succeed him, which appeared to clear the way for his wife Grace. Army commander General Constantino Chiwenga had warned on Monday that the military would "step in" to end the purge of Mnangagwa allies.

South African President Jacob Zuma, speaking as chairman of the Southern African Development Community, said he had spoken to Mugabe, who told him he was fine. Zuma sent Defence Minister Nosiviwe Mapisa-Nqakula and State Security Minister Bongani Bongo to Harare to meet Mugabe and the Zimbabwe Defence Forces.

Guinean President Alpha Conde, the current AU chairman, said the events "seem like a coup" and demanded a return to constitutional order.

Finance Minister Ignatius Chombo, a leader of the faction allied to Grace Mugabe, was among those detained, a ruling party source said.

Life in Harare was largely calm, with commuters walking past soldiers. "We have been waiting for change for 37 years," said Tinashe Moyo, a vendor selling airtime cards on a corner of Samora Machel Avenue. "Nobody is crying today.\"""",
        countries="ZW ZA GN",
        officials=[
            off("mugabe|robert mugabe", "Robert Mugabe", "President", "ZW"),
            off("sibusiso moyo", "Sibusiso Moyo", "Major General", "ZW"),
            off("chiwenga|constantino chiwenga", "Constantino Chiwenga", "Army commander", "ZW"),
            off("zuma|jacob zuma", "Jacob Zuma", "President", "ZA"),
            off("mapisa nqakula|nosiviwe mapisa nqakula", "Nosiviwe Mapisa-Nqakula", "Defence Minister", "ZA"),
            off("bongani bongo|bongo", "Bongani Bongo", "State Security Minister", "ZA"),
            off("conde|alpha conde", "Alpha Conde", "President", "GN"),
            off("chombo|ignatius chombo", "Ignatius Chombo", "Finance Minister", "ZW"),
        ],
        opt_officials=[opt("mnangagwa|emmerson mnangagwa"), opt("grace mugabe|grace")],
        agencies=[REUTERS, AU, SADC, ag("zimbabwe defence forces", "Zimbabwe Defence Forces", "military", "ZW")],
        opt_agencies=[opt("zbc"), opt("army"), opt("military"), opt("parliament"), opt("ruling party")],
        coup="current",
    ),
    dispatch(
        "hfin-030",
        "2022-01-24",
        "Burkina Faso soldiers say they have ousted President Kabore",
        """OUAGADOUGOU (AFP) - Soldiers in Burkina Faso announced on state television on Monday that they had removed President Roch Marc Christian Kabore, suspended the constitution and dissolved the government, a day after mutinies broke out at several army bases.

Captain Sidsore Kader Ouedraogo read a statement on behalf of a group calling itself the Patriotic Movement for Safeguarding and Restoration (MPSR), which he said was led by Lieutenant Colonel Paul-Henri Sandaogo Damiba. The group said it had acted because of the deterioration of security in the face of jihadist attacks that have killed thousands.

Kabore's whereabouts were not officially confirmed, but two security sources said he was being held at a military camp. A handwritten letter of resignation bearing his signature was circulated on social media.

The Economic Community of West African States, which has suspended Mali and Guinea after coups there in the past 18 months, called an extraordinary summit. UN Secretary-General Antonio Guterres said military coups were "unacceptable". The African Union Commission's chairperson, Moussa Faki Mahamat, said he condemned the takeover.

In Washington, the State Department called for Kabore's release. France, the former colonial power, which has troops in the region, said it was following events closely.

Hundreds of people gathered in Ouagadougou's Place de la Nation to celebrate, some waving Russian flags. "The army has done what the politicians could not," said Issouf Sawadogo, a 29-year-old unemployed graduate.

Burkinabe troops have been fighting Islamist insurgents linked to al Qaeda and Islamic State since 2015. More than 1.5 million people have been displaced.

Damiba, 41, trained in France and had been promoted to commander of one of the army's three military regions in December.""",
        countries="BF ML GN US FR RU",
        officials=[
            off("ouedraogo|sidsore kader ouedraogo", "Sidsore Kader Ouedraogo", "Captain", "BF"),
            off("damiba|paul henri sandaogo damiba", "Paul-Henri Sandaogo Damiba", "leader of the MPSR", "BF"),
            off("guterres|antonio guterres", "Antonio Guterres", "UN Secretary-General", None),
            off("faki|moussa faki", "Moussa Faki Mahamat", "African Union Commission chairperson", None),
        ],
        opt_officials=[opt("kabore|roch marc christian kabore")],
        agencies=[
            AFP,
            ag(
                "patriotic movement for safeguarding and restoration|mpsr",
                "Patriotic Movement for Safeguarding and Restoration",
                "government",
                "BF",
            ),
            ECOWAS,
            UN,
            AU,
            STATE_DEPT,
        ],
        opt_agencies=[opt("army"), opt("state television"), opt("government"), opt("african union commission")],
        coup="current",
    ),
    dispatch(
        "hfin-031",
        "2022-12-24",
        "Fiji parliament elects Rabuka prime minister, ending Bainimarama era",
        """SUVA (AP) - Fiji's parliament elected Sitiveni Rabuka as prime minister on Saturday by a single vote, ending 16 years of rule by Frank Bainimarama and easing days of tension over the outcome of a closely fought election.

Lawmakers voted 28 to 27 in a secret ballot for Rabuka, 74, whose People's Alliance formed a coalition with two smaller parties after the Dec. 14 election left no party with a majority. He was sworn in at Government House hours later.

Rabuka, a former army officer, led two coups in 1987 that overthrew an elected government dominated by Indo-Fijians. Bainimarama, then the military commander, seized power in a coup in 2006 and later won elections in 2014 and 2018. The two men have now traded places peacefully, a fact Rabuka noted in his first speech. "We have shown that power can change hands in Fiji through the ballot," he said.

Parliament earlier elected Ratu Naiqama Lalabalavu as speaker. On Thursday, the commander of the Republic of Fiji Military Forces, Major General Jone Kalouniwai, said troops had been deployed to support police after Bainimarama's party alleged that ethnic Fijians were being threatened. The police commissioner said there was no evidence of unrest.

Australian Prime Minister Anthony Albanese congratulated Rabuka and said he looked forward to working with him on climate change and security. New Zealand Prime Minister Jacinda Ardern said Wellington would remain a close partner.

Bainimarama, who had questioned the legitimacy of the coalition talks, said his FijiFirst party would be a strong opposition.

In Suva's municipal market, vendor Litia Naivalu said she was relieved. "We were scared the army would come out again," she said. "Now we can have Christmas."

China, which has expanded its presence in the Pacific, has a police cooperation agreement with Fiji that Rabuka has said he may review.""",
        countries="FJ AU NZ CN",
        opt_countries="IN",
        officials=[
            off("rabuka|sitiveni rabuka", "Sitiveni Rabuka", "Prime Minister", "FJ"),
            off("lalabalavu|naiqama lalabalavu", "Ratu Naiqama Lalabalavu", "speaker", "FJ"),
            off(
                "kalouniwai|jone kalouniwai",
                "Jone Kalouniwai",
                "commander of the Republic of Fiji Military Forces",
                "FJ",
            ),
            off("albanese|anthony albanese", "Anthony Albanese", "Prime Minister", "AU"),
            off("ardern|jacinda ardern", "Jacinda Ardern", "Prime Minister", "NZ"),
        ],
        opt_officials=[opt("bainimarama|frank bainimarama")],
        agencies=[AP, ag("republic of fiji military forces", "Republic of Fiji Military Forces", "military", "FJ")],
        opt_agencies=[
            opt("parliament"),
            opt("police"),
            opt("military"),
            opt("army"),
            opt("people's alliance"),
            opt("fijifirst"),
            opt("government house"),
        ],
        coup="historical",
    ),
    dispatch(
        "hfin-032",
        "2019-03-25",
        "Thai election commission delays results as pro-army party leads vote",
        """BANGKOK (Reuters) - Thailand's Election Commission said on Monday it would not announce full results of Sunday's general election until May, leaving the country in limbo after a pro-army party won the most votes in the first election since a 2014 coup.

The Palang Pracharat party, which wants junta leader Prayuth Chan-ocha to stay on as prime minister, won about 7.9 million votes, according to unofficial results with 94 percent counted. The opposition Pheu Thai party, allied to ousted former prime minister Thaksin Shinawatra, appeared to have won the most seats in the 500-member lower house.

Election Commission chairman Ittiporn Boonpracong said there had been irregularities in some districts and that the commission needed time to check complaints. "We are not able to give the numbers today," he told reporters, without explaining why turnout figures had changed overnight.

Prayuth, a former army chief who has led the government since the military seized power five years ago, is almost certain to keep his job because the 250 members of the Senate, all appointed by the junta, will join the lower house in choosing the prime minister.

On the eve of the vote, King Maha Vajiralongkorn issued a statement urging Thais to support "good people" to govern, a remark some voters took as a hint.

Pheu Thai's candidate for prime minister, Sudarat Keyuraphan, said the party would try to form a coalition with other parties opposed to military rule.

Thaksin, who was overthrown in a 2006 coup and lives in exile, said the results were suspicious.

"I voted for the first time in my life and now I do not know what happened to my vote," said Natthaya Srisuk, a 23-year-old university student in Bangkok. Hashtags calling for the commission's impeachment were trending on Thai Twitter.""",
        countries="TH",
        officials=[
            off("prayuth|prayuth chan ocha|prayut", "Prayuth Chan-ocha", "prime minister", "TH"),
            off("ittiporn|ittiporn boonpracong", "Ittiporn Boonpracong", "Election Commission chairman", "TH"),
            off("vajiralongkorn|maha vajiralongkorn", "King Maha Vajiralongkorn", "King", "TH"),
        ],
        opt_officials=[opt("thaksin|thaksin shinawatra"), opt("sudarat|sudarat keyuraphan")],
        agencies=[REUTERS, ag("election commission", "Election Commission", "government", "TH")],
        opt_agencies=[
            opt("palang pracharat"),
            opt("pheu thai"),
            opt("senate"),
            opt("junta"),
            opt("military"),
            opt("government"),
        ],
        coup="historical",
    ),
    dispatch(
        "hfin-033",
        "2016-07-12",
        "Tribunal rejects China's South China Sea claims; Beijing says it will ignore ruling",
        """MANILA/BEIJING (Reuters) - An international tribunal in The Hague ruled on Tuesday that China has no historic rights to resources within the "nine-dash line" that covers most of the South China Sea, a sweeping victory for the Philippines that Beijing said it would not accept.

The Permanent Court of Arbitration, in a case brought by Manila in 2013, said China had violated the Philippines' sovereign rights by interfering with its fishing and oil exploration, building artificial islands and failing to stop Chinese fishermen from working in the zone.

Chinese President Xi Jinping said China's territorial sovereignty and maritime interests would not be affected "in any way" by the ruling. The Chinese Foreign Ministry said the decision was "null and void and has no binding force". Xinhua called the tribunal "law-abusing".

Philippine Foreign Secretary Perfecto Yasay said Manila welcomed the ruling and called on "all those concerned to exercise restraint and sobriety". President Rodrigo Duterte, who took office two weeks ago, has said he wants better relations with Beijing.

In Washington, State Department spokesman John Kirby said the decision was "final and legally binding" and urged both sides to comply. Japan, which has its own territorial dispute with China in the East China Sea, said the ruling should be respected.

Vietnam, which also claims parts of the sea, welcomed the decision. Analysts said the Association of Southeast Asian Nations would struggle to agree a joint response because Cambodia and Laos are close to Beijing.

"We only want to fish where our fathers fished," said Renato Dacula, a fisherman from Masinloc in Zambales province, whose boat was chased from Scarborough Shoal by Chinese coast guard ships last year. "Now maybe they will let us in."

About $5 trillion in trade passes through the South China Sea each year.""",
        countries="CN PH US JP VN KH LA",
        opt_countries="NL",
        officials=[
            off("xi jinping|xi", "Xi Jinping", "President", "CN"),
            off("yasay|perfecto yasay", "Perfecto Yasay", "Foreign Secretary", "PH"),
            off("duterte|rodrigo duterte", "Rodrigo Duterte", "President", "PH"),
            off("kirby|john kirby", "John Kirby", "State Department spokesman", "US"),
        ],
        agencies=[
            REUTERS,
            ag("permanent court of arbitration", "Permanent Court of Arbitration", "international", None),
            foreign_ministry("CN", "Chinese Foreign Ministry"),
            XINHUA,
            STATE_DEPT,
            ASEAN,
        ],
        opt_agencies=[opt("coast guard")],
        coup="none",
    ),
    dispatch(
        "hfin-034",
        "2022-09-16",
        "Kyrgyz and Tajik leaders agree ceasefire after deadly border clashes",
        """BISHKEK (Reuters) - Kyrgyzstan and Tajikistan agreed on Friday to a ceasefire and to pull back troops after the worst fighting in years along their disputed border killed at least 24 people, officials in Bishkek said.

Kyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon discussed the clashes on the sidelines of a Shanghai Cooperation Organisation summit in Samarkand, hosted by Uzbek President Shavkat Mirziyoyev, Japarov's office said.

Kamchybek Tashiev, head of the State Committee for National Security, said the sides had agreed to withdraw troops and heavy weapons from the frontier. He accused Tajik forces of using tanks, mortars and drones to shell Kyrgyz villages in the Batken region. Dushanbe blamed Kyrgyz border guards for opening fire first.

The health ministry said 24 people had been killed and 87 wounded on the Kyrgyz side. Tajik officials did not give casualty figures. Kyrgyzstan's emergency situations ministry said more than 136,000 people had been evacuated from the border area.

Both former Soviet republics host Russian military bases and belong to the Moscow-led Collective Security Treaty Organization. Russian President Vladimir Putin, also in Samarkand, urged both leaders to resolve the dispute peacefully, the Kremlin said. China's President Xi Jinping attended the summit but did not comment on the clashes.

Nearly half of the 970 km border is not demarcated, and disputes over water and pasture flare regularly. Clashes in April 2021 killed about 50 people.

"We heard explosions all morning and then the houses began to burn," said Gulnara Abdyrakhmanova, a teacher who fled the village of Ak-Sai with her three children to a school in Batken town. "We left everything."

The Tajik foreign ministry said in a statement that Dushanbe was committed to a peaceful settlement through talks.""",
        countries="KG TJ UZ RU CN",
        officials=[
            off("japarov|sadyr japarov|zhaparov", "Sadyr Japarov", "President", "KG"),
            off("rahmon|emomali rahmon", "Emomali Rahmon", "President", "TJ"),
            off("mirziyoyev|shavkat mirziyoyev", "Shavkat Mirziyoyev", "President", "UZ"),
            off(
                "tashiev|kamchybek tashiev",
                "Kamchybek Tashiev",
                "head of the State Committee for National Security",
                "KG",
            ),
            off("putin|vladimir putin", "Vladimir Putin", "President", "RU"),
            off("xi jinping|xi", "Xi Jinping", "President", "CN"),
        ],
        agencies=[
            REUTERS,
            ag("state committee for national security", "State Committee for National Security", "government", "KG"),
            ag("health ministry|ministry of health", "Health Ministry", "government", "KG"),
            ag(
                "emergency situations ministry|ministry of emergency situations",
                "Emergency Situations Ministry",
                "government",
                "KG",
            ),
            foreign_ministry("TJ", "Tajik foreign ministry"),
            ag(
                "shanghai cooperation organisation|shanghai cooperation organization|sco",
                "Shanghai Cooperation Organisation",
                "international",
                None,
            ),
            CSTO,
        ],
        opt_agencies=[opt("border guards"), opt("kremlin")],
        coup="none",
    ),
    dispatch(
        "hfin-035",
        "2023-09-20",
        "Karabakh Armenian forces agree to disarm after Azerbaijani offensive",
        """BAKU/YEREVAN (Reuters) - Ethnic Armenian forces in Nagorno-Karabakh agreed on Wednesday to lay down their arms under a ceasefire brokered by Russian peacekeepers, a day after Azerbaijan launched a military operation to take full control of the breakaway region.

Azerbaijan's Defence Ministry said the separatist forces would disband and hand over heavy weapons, and that talks on the "reintegration" of the region's roughly 120,000 Armenians would be held on Thursday in the town of Yevlakh. Local officials said at least 200 people were killed in the fighting, including civilians.

President Ilham Aliyev said in a televised address that Azerbaijan had "restored its sovereignty" and that the region's Armenians would have their rights guaranteed. Hikmet Hajiyev, his foreign policy adviser, said the operation had ended.

Armenian Prime Minister Nikol Pashinyan said Armenia had not been involved in drafting the truce and would not be dragged into a war. Thousands of protesters gathered outside the government building in Yerevan, demanding his resignation, and police detained dozens.

Russia's Foreign Ministry spokeswoman Maria Zakharova said the peacekeepers had helped evacuate more than 5,000 civilians. Six Russian peacekeepers were killed when their vehicle came under fire, the Russian Defence Ministry said.

U.S. Secretary of State Antony Blinken spoke to Aliyev and urged him to protect civilians. European Council President Charles Michel called for a "genuine dialogue". Georgia, which borders both countries, called for restraint and offered to host talks. Turkish President Tayyip Erdogan, a close ally of Baku, said he supported the operation's aims.

"My family has lived in Stepanakert for generations. Now we don't know if we can stay," Anahit Grigoryan, a nurse, said by telephone from a basement shelter. Residents reported shortages of fuel and bread after months of blockade.""",
        countries="AM AZ RU US TR GE",
        officials=[
            off("aliyev|ilham aliyev", "Ilham Aliyev", "President", "AZ"),
            off("hajiyev|hikmet hajiyev", "Hikmet Hajiyev", "foreign policy adviser", "AZ"),
            off("pashinyan|nikol pashinyan", "Nikol Pashinyan", "Prime Minister", "AM"),
            off("zakharova|maria zakharova", "Maria Zakharova", "Foreign Ministry spokeswoman", "RU"),
            off("blinken|antony blinken", "Antony Blinken", "Secretary of State", "US"),
            off("michel|charles michel", "Charles Michel", "European Council President", None),
            off("erdogan|tayyip erdogan", "Tayyip Erdogan", "President", "TR"),
        ],
        agencies=[
            REUTERS,
            defence_ministry("AZ", "Azerbaijan's Defence Ministry"),
            foreign_ministry("RU", "Russia's Foreign Ministry"),
            defence_ministry("RU", "Russian Defence Ministry"),
            ag("european council", "European Council", "international", None),
        ],
        opt_agencies=[opt("police"), opt("government")],
        coup="none",
    ),
    dispatch(
        "hfin-036",
        "2025-05-10",
        "India and Pakistan agree ceasefire after four days of strikes",
        """NEW DELHI (PTI) - India and Pakistan agreed on Saturday to an immediate ceasefire on land, air and sea after four days of missile, drone and artillery attacks, the most serious fighting between the nuclear-armed neighbours in decades.

US President Donald Trump announced the truce first on social media, saying it followed "a long night of talks mediated by the United States". Foreign Secretary Vikram Misri said the directors general of military operations of the two countries had agreed by phone to stop all firing from 5 p.m. Indian time.

Pakistan's Deputy Prime Minister and Foreign Minister Ishaq Dar confirmed the agreement and said Islamabad had "always strived for peace and security in the region, without compromising on its sovereignty". Prime Minister Shehbaz Sharif thanked Washington for its role.

US Secretary of State Marco Rubio said he and Vice President JD Vance had spoken to Prime Minister Narendra Modi and to Pakistan's army chief, General Asim Munir, over the previous 48 hours. External Affairs Minister S. Jaishankar said India would continue its "firm and uncompromising stance against terrorism".

The fighting began on Wednesday when India struck what it called terrorist camps in Pakistan and Pakistani Kashmir in response to an attack on tourists in Pahalgam that killed 26 people last month. Pakistan denied any role in that attack.

Hours after the ceasefire took effect, explosions were heard in Srinagar, and Misri accused Pakistan of "repeated violations". The Pakistani military's media wing said its forces were committed to the truce.

In Muzaffarabad, shopkeeper Imran Danish said he had spent three nights in a bunker with his family. "Tonight maybe we sleep in our beds," he said. "But we have heard this before." The Associated Press of Pakistan reported that schools would reopen on Monday.""",
        countries="IN PK US",
        officials=[
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("misri|vikram misri", "Vikram Misri", "Foreign Secretary", "IN"),
            off("ishaq dar|dar", "Ishaq Dar", "Deputy Prime Minister and Foreign Minister", "PK"),
            off("shehbaz sharif|sharif", "Shehbaz Sharif", "Prime Minister", "PK"),
            off("rubio|marco rubio", "Marco Rubio", "Secretary of State", "US"),
            off("vance|jd vance", "JD Vance", "Vice President", "US"),
            off("modi|narendra modi", "Narendra Modi", "Prime Minister", "IN"),
            off("munir|asim munir", "Asim Munir", "army chief", "PK"),
            off("jaishankar|s jaishankar", "S. Jaishankar", "External Affairs Minister", "IN"),
        ],
        agencies=[PTI, APP],
        opt_agencies=[opt("military"), opt("media wing"), opt("army")],
        coup="none",
    ),
    dispatch(
        "hfin-037",
        "2021-07-07",
        "Haiti's President Moise assassinated at his home; interim PM declares state of siege",
        """PORT-AU-PRINCE (AP) - Haitian President Jovenel Moise was assassinated at his private residence in the hills above Port-au-Prince early on Wednesday by a group of gunmen, and his wife was wounded, plunging the Caribbean nation deeper into chaos.

Interim Prime Minister Claude Joseph said the attack was carried out by "a group of unidentified individuals, some of whom spoke Spanish". He said the police and armed forces were in control and declared a "state of siege", a form of martial law, for 15 days. First lady Martine Moise was flown to Miami for treatment.

Joseph had been due to hand over to Ariel Henry, a neurosurgeon Moise named as prime minister on Monday, but Henry had not yet been sworn in. Henry told a local newspaper he considered himself the legitimate prime minister, raising questions about who is in charge.

Police chief Leon Charles said officers had killed four suspects and detained two others after a shootout. Haiti's ambassador to the United States, Bocchit Edmond, said the killers posed as agents of the U.S. Drug Enforcement Administration and were "well-trained professionals".

President Joe Biden called the killing "heinous" and said Washington stood ready to help. The UN Security Council scheduled an emergency meeting, and the Organization of American States called for calm. Dominican President Luis Abinader ordered the immediate closure of the border with Haiti.

Moise, 53, had ruled by decree after legislative elections were not held, and opposition leaders said his term had ended in February, a claim he rejected.

Streets in the capital were largely empty on Wednesday. "We are afraid. We don't know who will protect us now," said Marie-Claude Jean, who sells rice and beans in the Petion-Ville district.""",
        countries="HT US DO",
        officials=[
            off("jovenel moise", "Jovenel Moise", "President", "HT"),
            off("claude joseph|joseph", "Claude Joseph", "Interim Prime Minister", "HT"),
            off("leon charles|charles", "Leon Charles", "Police chief", "HT"),
            off("bocchit edmond|edmond", "Bocchit Edmond", "ambassador to the United States", "HT"),
            off("biden|joe biden", "Joe Biden", "President", "US"),
            off("abinader|luis abinader", "Luis Abinader", "President", "DO"),
        ],
        opt_officials=[opt("ariel henry|henry"), opt("martine moise")],
        agencies=[
            AP,
            ag("drug enforcement administration|dea", "Drug Enforcement Administration", "government", "US"),
            UNSC,
            OAS,
        ],
        opt_agencies=[UN_OPT, opt("police"), opt("armed forces")],
        coup="none",
    ),
    dispatch(
        "hfin-038",
        "2021-04-04",
        "Jordan accuses former crown prince of plot to destabilise kingdom",
        """AMMAN (AFP) - Jordan's deputy prime minister accused former crown prince Hamzah bin Hussein on Sunday of working with "foreign parties" to undermine the country's security, a day after the half-brother of King Abdullah II said he had been placed under house arrest.

Deputy Prime Minister and Foreign Minister Ayman Safadi told a news conference that security services had monitored "activities and movements" by Prince Hamzah and others that targeted "the nation's security and stability". He said between 14 and 16 people had been arrested, including Bassem Awadallah, a former head of the royal court, and Sharif Hassan bin Zaid, a member of the royal family.

In a video sent to the BBC through his lawyer, Hamzah said the army chief of staff, Major General Yousef Huneiti, had visited him and told him not to leave his home or communicate with anyone. He denied being part of any conspiracy and accused the country's leadership of corruption and incompetence.

The Jordanian Armed Forces said on Saturday that Hamzah had been asked to stop "movements and activities that are being used to target Jordan's security and stability". The state news agency Petra said the investigation was continuing.

Saudi Arabia, Egypt and the Gulf states quickly declared their support for the king. U.S. State Department spokesman Ned Price said Washington was following the reports closely and that King Abdullah was "a key partner".

Jordan, a close U.S. ally that borders Israel, Syria and Iraq, has been hit hard by the coronavirus pandemic, with unemployment near 25 percent.

"People are worried, but they trust the king," said Omar Haddad, a taxi driver in the capital's Jabal Amman district. "We have had enough problems this year without this.\"""",
        countries="JO SA EG US IL SY IQ",
        officials=[
            off("safadi|ayman safadi", "Ayman Safadi", "Deputy Prime Minister and Foreign Minister", "JO"),
            off("king abdullah|abdullah ii|abdullah", "King Abdullah II", "King", "JO"),
            off("huneiti|yousef huneiti", "Yousef Huneiti", "army chief of staff", "JO"),
            off("ned price|price", "Ned Price", "State Department spokesman", "US"),
        ],
        opt_officials=[
            opt("hamzah|hamzah bin hussein"),
            opt("awadallah|bassem awadallah"),
            opt("hassan bin zaid|sharif hassan"),
        ],
        agencies=[AFP, ag("jordanian armed forces", "Jordanian Armed Forces", "military", "JO"), PETRA, STATE_DEPT],
        opt_agencies=[opt("security services"), opt("royal court"), opt("army"), opt("bbc")],
        coup="none",
    ),
    dispatch(
        "hfin-039",
        "2016-06-24",
        "Cameron to quit after Britons vote to leave the EU",
        """LONDON (dpa) - British Prime Minister David Cameron said on Friday he would resign by October after voters chose to leave the European Union in a referendum that sent the pound to a 31-year low and shook financial markets around the world.

The Leave campaign won 51.9 percent of the vote. England and Wales backed Brexit, while Scotland and Northern Ireland voted to remain. "The country requires fresh leadership to take it in this direction," Cameron said outside Downing Street, his voice breaking at the end.

Scotland's First Minister Nicola Sturgeon said a second referendum on Scottish independence was "highly likely". Former London mayor Boris Johnson, the Conservative lawmaker who led the Leave campaign and is seen as a favourite to succeed Cameron, said there was "no need for haste" in starting exit talks.

Bank of England Governor Mark Carney said the central bank was ready to provide 250 billion pounds of extra funds to keep markets working.

In Brussels, European Council President Donald Tusk and European Commission President Jean-Claude Juncker said the remaining 27 members would stay united and wanted the UK to start leaving "as soon as possible". German Chancellor Angela Merkel called it "a blow to Europe", and Danish Prime Minister Lars Lokke Rasmussen said it was "a very sad result" for Denmark's closest ally in the bloc.

In Washington, President Barack Obama said the special relationship with Britain would endure.

Nigel Farage, leader of the UK Independence Party, hailed "independence day".

In the northern English town of Sunderland, where 61 percent voted Leave, former shipyard worker Gary Kitching said he was proud. "We have been ignored for thirty years," he said. In central London, student Eleanor Wright said she was in tears: "My generation just lost its future.\"""",
        countries="GB DE DK US",
        opt_countries="BE",
        officials=[
            off("cameron|david cameron", "David Cameron", "Prime Minister", "GB"),
            off("sturgeon|nicola sturgeon", "Nicola Sturgeon", "First Minister", "GB"),
            off("boris johnson|johnson", "Boris Johnson", "lawmaker", "GB"),
            off("carney|mark carney", "Mark Carney", "Bank of England Governor", "GB"),
            off("tusk|donald tusk", "Donald Tusk", "European Council President", None),
            off("juncker|jean claude juncker", "Jean-Claude Juncker", "European Commission President", None),
            off("merkel|angela merkel", "Angela Merkel", "Chancellor", "DE"),
            off("rasmussen|lokke rasmussen|lars lokke rasmussen", "Lars Lokke Rasmussen", "Prime Minister", "DK"),
            off("obama|barack obama", "Barack Obama", "President", "US"),
        ],
        opt_officials=[opt("farage|nigel farage")],
        agencies=[
            DPA,
            EU,
            ag("bank of england", "Bank of England", "government", "GB"),
            ag("european council", "European Council", "international", None),
            ag("european commission", "European Commission", "international", None),
        ],
        opt_agencies=[opt("downing street"), opt("leave campaign"), opt("uk independence party"), opt("conservative")],
        coup="none",
    ),
    dispatch(
        "hfin-040",
        "2019-09-16",
        "U.S. points at Iran over Saudi oil attacks; Tehran denies role",
        """RIYADH (Reuters) - Saudi Arabia said on Monday that weapons used in weekend attacks that knocked out half its oil output were Iranian, as Washington weighed a response and Tehran denied any involvement.

Saturday's drone and missile strikes on the Abqaiq processing plant and the Khurais oilfield cut 5.7 million barrels per day of production, about 5 percent of global supply. Oil prices jumped nearly 15 percent on Monday, the biggest one-day rise in decades.

Yemen's Iran-aligned Houthi movement claimed responsibility. But Col. Turki al-Maliki, spokesman for the Saudi-led coalition fighting in Yemen, said initial findings showed the weapons were Iranian and had not been launched from Yemen. The state-run Saudi Press Agency said Energy Minister Prince Abdulaziz bin Salman expected supplies to be restored within days from stockpiles.

U.S. Secretary of State Mike Pompeo said there was no evidence the attacks came from Yemen. President Donald Trump said the United States was "locked and loaded" but would wait for Riyadh to say who was to blame. U.S. Central Command said it was working with Saudi forces to assess the damage.

Iranian Foreign Ministry spokesman Abbas Mousavi called the accusations "meaningless" and said they were meant to justify actions against the Islamic Republic. Iraq's Prime Minister Adel Abdul Mahdi's office denied reports that the drones had been launched from Iraqi territory. Kuwait said it was investigating a drone sighting over the emirate on Saturday.

Iran's President Hassan Rouhani said the attacks were a "reciprocal" response by Yemenis to the Saudi-led bombing of their country.

At a petrol station in Riyadh, engineer Faisal al-Otaibi said prices had not changed. "We trust the government," he said. "But everyone is asking what comes next.\"""",
        countries="SA IR YE US IQ KW",
        officials=[
            off("turki al maliki|maliki", "Turki al-Maliki", "coalition spokesman", "SA"),
            off("abdulaziz bin salman|abdulaziz", "Prince Abdulaziz bin Salman", "Energy Minister", "SA"),
            off("pompeo|mike pompeo", "Mike Pompeo", "Secretary of State", "US"),
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("mousavi|abbas mousavi", "Abbas Mousavi", "Foreign Ministry spokesman", "IR"),
            off("abdul mahdi|adel abdul mahdi", "Adel Abdul Mahdi", "Prime Minister", "IQ"),
            off("rouhani|hassan rouhani", "Hassan Rouhani", "President", "IR"),
        ],
        agencies=[REUTERS, SPA, CENTCOM, foreign_ministry("IR", "Iranian Foreign Ministry")],
        opt_agencies=[opt("houthi"), opt("saudi led coalition|coalition"), opt("government")],
        coup="none",
    ),
]


if __name__ == "__main__":
    out = HERE.parent / "heldout-final.jsonl"
    with open(out, "w", encoding="utf-8") as handle:
        for record in DISPATCHES:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(DISPATCHES)} dispatches")
