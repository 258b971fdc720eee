"""Fresh held-out gold set (benchmarks/gold/heldout-fresh.jsonl), written independently of dev/heldout.

Not part of build.py's module lists, so building dev.jsonl / heldout.jsonl is unaffected.
Run: .venv/bin/python benchmarks/gold/authoring/heldout_fresh.py  (writes ../heldout-fresh.jsonl)
The authors did not read processors/ (tagger code or knowledge base) nor run the tagger while labelling.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from helpers import *  # noqa: E402,F403
from helpers import dispatch as _dispatch  # noqa: E402

FRESH_NOTE = (
    "written for wirewatch as the fresh held-out set (independent of dev/heldout and of the tagger's "
    "code and knowledge base), synthetic news-wire style, quotes invented, 2026-11-28"
)


def dispatch(*args, **kwargs) -> dict:
    record = _dispatch(*args, **kwargs)
    record["source_note"] = f"{FRESH_NOTE}; dated {record['published']}"
    return record


MNJTF = ag("multinational joint task force|mnjtf", "Multinational Joint Task Force", "military", None)
INTERPOL = ag("interpol", "Interpol", "international", None)
WAM = ag("wam|emirates news agency", "WAM", "news_agency", "AE")
PENTAGON = ag("pentagon|department of defense|defense department", "Pentagon", "government", "US")

DISPATCHES = [
    dispatch(
        "hf-001",
        "2016-06-07",
        "Chad sends troops to Niger after Boko Haram overruns Bosso",
        """NIAMEY (Reuters) - Chad has begun moving troops into neighbouring Niger to help secure the area around the town of Bosso, where Boko Haram militants killed at least 26 soldiers last week, Nigerien security sources said on Tuesday.

Niger's Defence Minister Kalla Moutari told state radio the army had retaken Bosso, which sits on the Komadougou Yobe river marking the border with Nigeria, after two days of fighting. "The attackers came from Nigeria in large numbers and they fled back into Nigeria," Moutari said.

Chadian President Idriss Deby, whose forces drove the Islamist group out of several Nigerian towns last year, agreed to send reinforcements after talks with President Mahamadou Issoufou, a source in Issoufou's office said. The source did not give a figure, but residents of Diffa, the regional capital, reported columns of Chadian armoured vehicles heading east.

Interior Minister Mohamed Bazoum said tens of thousands of people had fled Bosso and surrounding villages, many of them refugees who had already escaped Boko Haram violence in Nigeria's Borno state. Aid agencies said food and water were running short along the main road out of town.

Nigerian President Muhammadu Buhari telephoned Issoufou to offer condolences, and two Nigerian soldiers were among the dead, Niger's government said.

The Multinational Joint Task Force, which groups troops from Nigeria, Niger, Chad, Cameroon and Benin, has struggled to coordinate operations across the Lake Chad basin, where the militants move easily between countries.

"We need our neighbours to hold their side of the river," said Colonel Souley Garba, a Nigerien army spokesman. "Otherwise we chase them to the bank and they rest on the other side."

Fisherman Malam Kiari, who walked 30 km with his wife and five children to reach a camp near Diffa, said he had lost everything. "Twice now I have run from these people," he said. "First in Nigeria, now in Niger. Where do we go after this?"

Boko Haram's insurgency has killed about 20,000 people since 2009 and driven more than two million from their homes.""",
        countries="NE NG TD CM BJ",
        officials=[
            off("moutari|kalla moutari", "Kalla Moutari", "Defence Minister", "NE"),
            off("deby|idriss deby", "Idriss Deby", "President", "TD"),
            off("issoufou|mahamadou issoufou", "Mahamadou Issoufou", "President", "NE"),
            off("bazoum|mohamed bazoum", "Mohamed Bazoum", "Interior Minister", "NE"),
            off("buhari|muhammadu buhari", "Muhammadu Buhari", "President", "NG"),
            off("souley garba|garba", "Souley Garba", "army spokesman", "NE"),
        ],
        agencies=[REUTERS, MNJTF],
        opt_agencies=[opt("army"), opt("state radio"), opt("government")],
        coup="none",
    ),
    dispatch(
        "hf-002",
        "2019-10-22",
        "Beninese traders count losses as Nigeria keeps borders shut",
        """COTONOU (AFP) - Beninese traders in Cotonou's vast Dantokpa market said on Tuesday they were running out of money two months after Nigeria closed its land borders, as Abuja signalled the closure would last until its neighbours stopped the smuggling of rice and fuel.

Nigeria shut its frontiers with Benin and Niger to goods in August, saying cheap imported rice re-exported across the border was undermining its farmers, while subsidised Nigerian petrol flowed out the other way.

"The borders will remain closed until our neighbours agree to respect the rules of origin," Hameed Ali, Comptroller-General of the Nigeria Customs Service, told reporters in Abuja. Finance Minister Zainab Ahmed said customs revenue had risen since the closure.

Nigeria's Interior Ministry, which oversees the immigration service, said travellers with valid documents could still cross on foot, but several Beninese drivers at the Seme post said they had been turned back.

Comptroller Danladi Okpe, who heads customs at the Seme border, said his officers had seized more than 20,000 bags of rice since August.

Benin's President Patrice Talon has said his government would cooperate, and a joint committee is due to meet in Abuja next month. In Niger, which sells onions and livestock to Nigeria's markets, exporters said lorries had been stuck for weeks at the Maradi crossing. Niger's President Mahamadou Issoufou raised the matter with President Muhammadu Buhari on the sidelines of a summit, his office said.

The Economic Community of West African States has urged the three countries to resolve the dispute, which critics say runs against the bloc's free-trade protocols.

"I used to take a bus to Lagos every week and come back with fabric," said trader Bernadette Houngbo, standing beside half-empty shelves. "Now I sit here and wait."

Nigerian rice farmers have welcomed the measure, but consumers in Lagos say the price of a 50 kg bag of rice has nearly doubled. A Nigerien onion exporter, Abdou Sani, said he was selling at a loss in Niamey rather than let his stock rot.""",
        countries="BJ NG NE",
        officials=[
            off("hameed ali", "Hameed Ali", "Comptroller-General of the Nigeria Customs Service", "NG"),
            off("zainab ahmed", "Zainab Ahmed", "Finance Minister", "NG"),
            off("okpe|danladi okpe", "Danladi Okpe", "Comptroller", "NG"),
            off("talon|patrice talon", "Patrice Talon", "President", "BJ"),
            off("issoufou|mahamadou issoufou", "Mahamadou Issoufou", "President", "NE"),
            off("buhari|muhammadu buhari", "Muhammadu Buhari", "President", "NG"),
        ],
        agencies=[
            AFP,
            ag("nigeria customs service|customs service", "Nigeria Customs Service", "government", "NG"),
            interior_ministry("NG"),
            ECOWAS,
        ],
        opt_agencies=[opt("immigration service"), opt("government"), opt("customs")],
        coup="none",
    ),
    dispatch(
        "hf-003",
        "2018-01-04",
        "Equatorial Guinea says it foiled coup by foreign mercenaries",
        """MALABO (AFP) - Equatorial Guinea said on Wednesday it had foiled an attempted coup against President Teodoro Obiang Nguema Mbasogo by mercenaries from Chad, Sudan and the Central African Republic, who were arrested in neighbouring Cameroon before they could reach the capital.

Security Minister Nicolas Obama Nchama said in a statement read on state radio that the gunmen had been recruited by "certain radical opposition parties" with the backing of foreign powers he did not name. They had planned to attack the president at his residence in Koete Mongomo, in the mainland region, over Christmas, he said.

"The attempted coup was neutralised thanks to the vigilance of our security forces and the cooperation of Cameroon," Obama Nchama said.

Cameroonian security forces arrested about 30 heavily armed men near the border town of Kye-Ossi in late December. A Cameroonian gendarmerie commander in the area, Captain Jean-Paul Mbarga, said the group had been carrying rocket launchers and ammunition. Chadian, Sudanese and Central African citizens were among them, he said.

Obiang, 75, has ruled the small oil-producing nation since 1979, when he overthrew his uncle. Vice President Teodoro Nguema Obiang Mangue, the president's son known as Teodorin, was convicted in absentia of embezzlement by a Paris court in October, a ruling the government called an attack on the country's sovereignty.

Opposition leader Andres Esono Ondo of the Convergence for Social Democracy denied any role and said his party had always rejected violence.

Equatorial Guinea, a former Spanish colony, is not to be confused with Guinea or Guinea-Bissau, further west along the Atlantic coast.

In Malabo, where roadblocks were set up overnight, taxi driver Santiago Nsue said police were searching every car. "People are afraid to speak," he said. "We heard about this on the radio like everybody else."

The government said the borders with Cameroon and Gabon had been closed to traffic while the investigation continued.""",
        countries="GQ TD SD CF CM ES GA",
        opt_countries="GN GW FR",
        officials=[
            off("obiang nguema|teodoro obiang", "Teodoro Obiang Nguema Mbasogo", "President", "GQ"),
            off("obama nchama|nchama", "Nicolas Obama Nchama", "Security Minister", "GQ"),
            off("mbarga|jean paul mbarga", "Jean-Paul Mbarga", "gendarmerie commander", "CM"),
            off("obiang mangue|teodorin", "Teodoro Nguema Obiang Mangue", "Vice President", "GQ"),
        ],
        opt_officials=[opt("esono ondo|andres esono")],
        agencies=[AFP],
        opt_agencies=[
            opt("state radio"),
            opt("security forces"),
            opt("police"),
            opt("government"),
            opt("convergence for social democracy"),
        ],
        coup="current",
    ),
    dispatch(
        "hf-004",
        "2019-12-11",
        "Bougainville votes overwhelmingly for independence from Papua New Guinea",
        """BUKA, Papua New Guinea (Reuters) - Voters on the island of Bougainville backed independence from Papua New Guinea by 97.7 percent in a non-binding referendum, officials said on Wednesday, setting up difficult negotiations with the government in Port Moresby.

Former Irish prime minister Bertie Ahern, who chairs the Bougainville Referendum Commission, announced the result to cheering crowds in Buka, saying the vote had been "credible" and peaceful. Of about 181,000 valid votes, fewer than 4,000 supported greater autonomy within Papua New Guinea.

The referendum was a central part of the 2001 peace agreement that ended a decade-long civil war over the giant Panguna copper mine, in which as many as 20,000 people died. A truce was first negotiated in 1997 at a military camp in New Zealand.

John Momis, president of the Autonomous Bougainville Government, said the result showed "the will of our people is clear". But the outcome must be ratified by the national parliament, and Prime Minister James Marape has said he wants time for consultation.

"We will respect the vote, but the final decision lies with the parliament," Minister for Bougainville Affairs Puka Temu told reporters in the capital.

Analysts say Port Moresby fears the vote could encourage other resource-rich provinces. "This is the beginning of the process, not the end," said Rachel Lowa, a political analyst based in Port Moresby.

Australia, the former colonial power and the largest aid donor to its northern neighbour, said it would support the dialogue between the two governments. An Australian official in Buka, First Secretary Mark Hollis of the High Commission, said Canberra hoped for "a calm and constructive conversation".

Former rebel fighter Francis Nakui, 52, said he had walked for two days to vote. "My brothers died for this," he said. "Now the paper says what the guns could not."

Any independence would leave Bougainville, with about 300,000 people, reliant on reopening the mine.""",
        countries="PG NZ AU IE",
        officials=[
            off("momis|john momis", "John Momis", "president of the Autonomous Bougainville Government", "PG"),
            off("marape|james marape", "James Marape", "Prime Minister", "PG"),
            off("puka temu|temu", "Puka Temu", "Minister for Bougainville Affairs", "PG"),
            off("hollis|mark hollis", "Mark Hollis", "First Secretary", "AU"),
        ],
        opt_officials=[opt("ahern|bertie ahern")],
        agencies=[
            REUTERS,
            ag(
                "bougainville referendum commission|referendum commission",
                "Bougainville Referendum Commission",
                "government",
                "PG",
            ),
        ],
        opt_agencies=[opt("autonomous bougainville government"), opt("parliament"), opt("high commission")],
        coup="none",
    ),
    dispatch(
        "hf-005",
        "2020-10-24",
        "Guinea's Conde wins third term, electoral body says; rival cries fraud",
        """CONAKRY (Reuters) - Guinea's President Alpha Conde won a third term with 59.5 percent of the vote in the Oct. 18 election, the electoral commission said on Saturday, a result his main rival Cellou Dalein Diallo rejected as fraud after days of deadly street clashes.

Kabinet Cisse, president of the Independent National Electoral Commission (CENI), read out the provisional results on state television. Diallo, a former prime minister who declared himself the winner before the count was complete, received 33.5 percent.

Conde, 82, changed the constitution in a referendum in March, which his opponents said was designed to let him bypass a two-term limit.

Security Minister Albert Damantang Camara said at least 10 people, including members of the security forces, had been killed since Monday, and blamed "opposition militants". Diallo's party says the toll is higher and that the security forces fired live ammunition in Conakry's suburbs.

Chief Superintendent Mamadi Kante, a police spokesman, said 70 people had been arrested over the violence.

A joint mission of the Economic Community of West African States, the African Union and the United Nations arrived in Conakry this week to try to ease tensions. The land borders with Guinea-Bissau and Senegal have been closed since September, the government said, citing security concerns.

Diallo said he would challenge the result before the Constitutional Court, which has eight days to proclaim final figures. Security forces have surrounded his home in the capital.

Guinea is the world's second-largest producer of bauxite, and mining companies have so far reported no disruption.

In the Hamdallaye neighbourhood, a stronghold of the opposition, shopkeeper Thierno Bah said young men had burned tyres all week. "Nobody here believes these numbers," he said. "But nobody wants to die for them either."

Conde, a former opposition leader, became the country's first democratically elected president in 2010.""",
        countries="GN GW SN",
        officials=[
            off("conde|alpha conde", "Alpha Conde", "President", "GN"),
            off(
                "kabinet cisse|cisse",
                "Kabinet Cisse",
                "president of the Independent National Electoral Commission",
                "GN",
            ),
            off("damantang camara|albert damantang", "Albert Damantang Camara", "Security Minister", "GN"),
            off("kante|mamadi kante", "Mamadi Kante", "police spokesman", "GN"),
        ],
        opt_officials=[opt("diallo|cellou dalein diallo")],
        agencies=[
            REUTERS,
            ag(
                "independent national electoral commission|electoral commission|election commission|ceni",
                "Independent National Electoral Commission",
                "government",
                "GN",
            ),
            ECOWAS,
            AU,
            UN,
        ],
        opt_agencies=[opt("constitutional court"), opt("security forces"), opt("state television"), opt("government")],
        coup="none",
    ),
    dispatch(
        "hf-006",
        "2020-11-01",
        "Georgia's ruling party claims win; opposition alleges fraud",
        """TBILISI (AP) - Georgia's ruling Georgian Dream party claimed victory on Sunday in a parliamentary election that opposition parties said was rigged, setting the stage for protests in the South Caucasus country two days before the US presidential vote.

With nearly all precincts counted, the Central Election Commission said Georgian Dream, founded by billionaire Bidzina Ivanishvili, had won about 48 percent of the party-list vote. The United National Movement of exiled former president Mikheil Saakashvili was second with about 27 percent.

"The Georgian people have once again chosen stability," Prime Minister Giorgi Gakharia told supporters in Tbilisi. Ivanishvili, who holds no government post but is widely seen as the country's most powerful man, thanked voters in a brief statement.

Opposition leaders said they would refuse to take up their seats and called a rally outside parliament. CEC spokeswoman Ana Mikeladze said the commission had received complaints from several districts and would examine each one.

Observers from the Organization for Security and Co-operation in Europe said the vote was competitive and fundamental freedoms were respected, but that pervasive allegations of pressure on voters and the blurring of the line between party and state reduced public confidence.

President Salome Zourabichvili, whose role is largely ceremonial, urged all sides to accept the observers' findings. US Ambassador Kelly Degnan said Washington would study the report closely and called for any complaints to be investigated.

Georgia aspires to join NATO and the European Union, a course Moscow strongly opposes. Russia fought a brief war with Georgia in 2008 and still keeps troops in the breakaway regions of Abkhazia and South Ossetia.

The timing was not lost on Georgian voters who follow American politics, where the state of Georgia is one of the battlegrounds of Tuesday's election. "Everyone in the world is talking about Georgia this week, but not about us," joked Nodar Beridze, a 41-year-old engineer, outside a Tbilisi polling station.""",
        countries="GE US RU",
        officials=[
            off("gakharia|giorgi gakharia", "Giorgi Gakharia", "Prime Minister", "GE"),
            off("mikeladze|ana mikeladze", "Ana Mikeladze", "CEC spokeswoman", "GE"),
            off("zourabichvili|zurabishvili|salome zourabichvili", "Salome Zourabichvili", "President", "GE"),
            off("degnan|kelly degnan", "Kelly Degnan", "US Ambassador", "US"),
        ],
        opt_officials=[opt("ivanishvili|bidzina ivanishvili"), opt("saakashvili|mikheil saakashvili")],
        agencies=[
            AP,
            ag(
                "central election commission|election commission|cec", "Central Election Commission", "government", "GE"
            ),
            ag("organization for security and co operation in europe|osce", "OSCE", "international", None),
            NATO,
            EU,
        ],
        opt_agencies=[opt("georgian dream"), opt("united national movement"), opt("parliament")],
        coup="none",
    ),
    dispatch(
        "hf-007",
        "2021-01-06",
        "Democrats win both Georgia Senate runoffs, taking control of chamber",
        """ATLANTA (AP) - Democrats Raphael Warnock and Jon Ossoff won both of Georgia's U.S. Senate runoffs, The Associated Press projected on Wednesday, handing their party control of the chamber and giving President-elect Joe Biden a path for his agenda.

Warnock, the senior pastor of Atlanta's Ebenezer Baptist Church, defeated Republican Senator Kelly Loeffler, who was appointed to the seat a year ago. Ossoff, a 33-year-old documentary filmmaker, beat David Perdue, whose term expired on Sunday while the count was still under way.

The results leave the Senate split 50-50, with Vice President-elect Kamala Harris holding the tie-breaking vote once she takes office. Senate Minority Leader Chuck Schumer, who will become majority leader, called it "a new day for America".

The runoffs came after weeks of attacks by President Donald Trump on Georgia's election system. Trump was recorded on a call on Saturday urging Secretary of State Brad Raffensperger, a fellow Republican, to "find" enough votes to overturn his loss in the state. Raffensperger refused, and Governor Brian Kemp has also certified Biden's win.

"Our counties did their job, again, under enormous pressure," said Marcia Hollins, deputy elections director in Fulton County, the state's largest. Turnout exceeded 4.4 million, a record for a runoff in the state.

Loeffler had not conceded by midday. Perdue, who lost his seat when his term ended on Jan. 3, said he would wait for all ballots to be counted.

At a polling site in Marietta, voter Chad Whitley, 34, said he had never voted in a runoff before. "Everybody told me my vote matters this time, and for once I believed them," he said.

The victories in a state that had not elected a Democratic senator in two decades reflect rapid demographic change in the Atlanta suburbs, analysts said.

Later on Wednesday, Congress was due to meet in Washington to certify the Electoral College result.""",
        countries="US",
        officials=[
            off("loeffler|kelly loeffler", "Kelly Loeffler", "Senator", "US"),
            off("schumer|chuck schumer", "Chuck Schumer", "Senate Minority Leader", "US"),
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("raffensperger|brad raffensperger", "Brad Raffensperger", "Secretary of State", "US"),
            off("kemp|brian kemp", "Brian Kemp", "Governor", "US"),
            off("hollins|marcia hollins", "Marcia Hollins", "deputy elections director", "US"),
        ],
        opt_officials=[
            opt("warnock|raphael warnock"),
            opt("ossoff|jon ossoff"),
            opt("perdue|david perdue"),
            opt("biden|joe biden"),
            opt("harris|kamala harris"),
        ],
        agencies=[AP],
        opt_agencies=[opt("senate"), opt("congress"), opt("electoral college")],
        coup="none",
    ),
    dispatch(
        "hf-008",
        "2024-06-10",
        "Macron calls snap election after far right routs his camp in EU vote",
        """PARIS (AFP) - French President Emmanuel Macron dissolved the National Assembly on Sunday and called a snap parliamentary election after the far-right National Rally crushed his centrist alliance in the European Parliament vote.

The National Rally list led by Jordan Bardella, the party's 28-year-old president, won 31.4 percent, more than double the 14.6 percent for Macron's camp, according to final results published by the interior ministry on Monday.

"I have decided to give you back the choice," Macron said in a televised address from the Elysee, announcing a first round on June 30 and a second on July 7. The decision stunned many in his own party, and Prime Minister Gabriel Attal was said to have learned of it only hours earlier.

Bardella said his party was "ready to take power" and presented himself as its candidate for prime minister. Marine Le Pen, who leads the party's lawmakers, said voters had "given their verdict".

Government spokeswoman Prisca Thevenot said the timetable, the shortest allowed by the constitution, would "let the French clarify things quickly". Claire Dubost, who heads the interior ministry's elections office, told reporters that town halls would have three weeks to organise the vote.

Across the border, Chancellor Olaf Scholz's Social Democrats had their worst result in a nationwide vote in more than a century, finishing behind the far-right Alternative for Germany. In Italy, Prime Minister Giorgia Meloni's Brothers of Italy came first with about 29 percent.

The Paris stock market fell sharply on Monday morning as investors weighed the prospect of a far-right government in the euro zone's second-largest economy.

Outside a cafe in the capital's 11th district, teacher Julien Marchetti, 45, said he could not understand the gamble. "He loses an election and his answer is to hold another one," he said. "Either he is very clever or very tired."

The new assembly will still leave Macron in the Elysee Palace until his term ends in 2027.""",
        countries="FR DE IT",
        officials=[
            off("macron|emmanuel macron", "Emmanuel Macron", "President", "FR"),
            off("attal|gabriel attal", "Gabriel Attal", "Prime Minister", "FR"),
            off("thevenot|prisca thevenot", "Prisca Thevenot", "Government spokeswoman", "FR"),
            off("dubost|claire dubost", "Claire Dubost", "head of the interior ministry's elections office", "FR"),
            off("scholz|olaf scholz", "Olaf Scholz", "Chancellor", "DE"),
            off("meloni|giorgia meloni", "Giorgia Meloni", "Prime Minister", "IT"),
        ],
        opt_officials=[opt("bardella|jordan bardella"), opt("le pen|marine le pen")],
        agencies=[AFP, interior_ministry("FR")],
        opt_agencies=[
            opt("national assembly"),
            opt("european parliament"),
            opt("national rally"),
            opt("elysee"),
            opt("social democrats"),
            opt("alternative for germany"),
            opt("brothers of italy"),
            opt("eu|european union"),
        ],
        coup="none",
    ),
    dispatch(
        "hf-009",
        "2020-09-12",
        "Afghan government and Taliban open peace talks in Qatar",
        """DOHA (Reuters) - Negotiators for the Afghan government and the Taliban sat down together for the first time on Saturday, opening talks in Qatar's capital aimed at ending nearly two decades of war.

"We have come here with goodwill," said Abdullah Abdullah, chairman of Afghanistan's High Council for National Reconciliation, calling for a humanitarian ceasefire. Taliban co-founder Mullah Abdul Ghani Baradar said the movement wanted an Afghanistan under an Islamic system and made no mention of a truce.

U.S. Secretary of State Mike Pompeo, who flew in for the opening ceremony, urged both sides to "seize this opportunity". Washington's special envoy Zalmay Khalilzad, who negotiated the February deal under which U.S. troops are withdrawing, will remain in Doha for the first rounds.

Qatar's Foreign Minister Sheikh Mohammed bin Abdulrahman Al Thani said his country would be "an honest broker". The government delegation is led by Masoom Stanekzai, a former intelligence chief.

In Kabul, President Ashraf Ghani's office said the talks must protect the gains of the past 19 years, including women's rights. Second Vice President Sarwar Danish, a former justice minister, told a gathering of religious scholars that any deal must respect the constitution. "Peace cannot mean the return of the past," Danish said.

Violence continued as the delegates met. Interior ministry spokesman Tariq Arian said Taliban fighters had attacked checkpoints in several provinces overnight, killing at least a dozen members of the security forces. First Vice President Amrullah Saleh survived a bomb attack on his convoy in Kabul on Wednesday.

Taliban spokesman Mohammad Naeem said the group's fighters were "defending themselves".

Fatima Rahimi, a 22-year-old university student in Kabul who followed the ceremony on television, said she was hopeful but afraid. "They talk about peace in a hotel," she said. "We still wait to hear about peace in our streets."

The talks are expected to last months.""",
        countries="AF QA US",
        officials=[
            off(
                "abdullah abdullah|abdullah",
                "Abdullah Abdullah",
                "chairman of the High Council for National Reconciliation",
                "AF",
            ),
            off("pompeo|mike pompeo", "Mike Pompeo", "Secretary of State", "US"),
            off("khalilzad|zalmay khalilzad", "Zalmay Khalilzad", "special envoy", "US"),
            off(
                "al thani|mohammed bin abdulrahman",
                "Sheikh Mohammed bin Abdulrahman Al Thani",
                "Foreign Minister",
                "QA",
            ),
            off("stanekzai|masoom stanekzai", "Masoom Stanekzai", "leader of the government delegation", "AF"),
            off("ghani|ashraf ghani", "Ashraf Ghani", "President", "AF"),
            off("sarwar danish", "Sarwar Danish", "Second Vice President", "AF"),
            off("arian|tariq arian", "Tariq Arian", "Interior ministry spokesman", "AF"),
            off("saleh|amrullah saleh", "Amrullah Saleh", "First Vice President", "AF"),
        ],
        agencies=[
            REUTERS,
            ag(
                "high council for national reconciliation",
                "High Council for National Reconciliation",
                "government",
                "AF",
            ),
            interior_ministry("AF"),
        ],
        opt_agencies=[opt("security forces")],
        coup="none",
    ),
    dispatch(
        "hf-010",
        "2019-01-24",
        "Maduro cuts ties with U.S. after Washington recognises Guaido",
        """CARACAS (Reuters) - Venezuela's President Nicolas Maduro broke off diplomatic relations with the United States on Wednesday and gave U.S. diplomats 72 hours to leave, after Washington recognised opposition leader Juan Guaido as the country's interim president.

Guaido, the 35-year-old president of the opposition-controlled National Assembly, swore himself in before tens of thousands of supporters in Caracas, saying Maduro's re-election last year was a sham. Within minutes, President Donald Trump said the United States recognised Guaido.

"They are trying to impose a government by way of an attempted coup," Maduro told supporters outside the Miraflores presidential palace. "Out, gringos!"

Secretary of State Mike Pompeo said Washington did not recognise Maduro's authority to break relations and would keep its embassy open.

On Thursday, Defence Minister Vladimir Padrino Lopez, flanked by the military high command, said the Bolivarian National Armed Forces would not accept "a president imposed in the shadow of dark interests". Troops remained loyal, he said.

Brazil's President Jair Bolsonaro and Colombia's President Ivan Duque quickly followed Washington in recognising Guaido, as did Canada and the Secretary General of the Organization of American States, Luis Almagro. Mexico's government said it would continue to recognise Maduro.

Moscow condemned what Kremlin spokesman Dmitry Peskov called "the usurpation of power", and Turkish presidential spokesman Ibrahim Kalin said Ankara stood with Maduro.

At least 13 people were killed in protests across the country on Wednesday, the Venezuelan Observatory of Social Conflict said.

In the Petare slum, motorcycle taxi driver Luis Marcano said he had gone to the opposition rally for the first time. "We have nothing to eat and nothing to lose," he said. "Now there are two presidents, and still no bread."

More than 3 million Venezuelans have left the country since 2015, according to the United Nations.""",
        countries="VE US BR CO CA MX RU TR",
        officials=[
            off("maduro|nicolas maduro", "Nicolas Maduro", "President", "VE"),
            off("guaido|juan guaido", "Juan Guaido", "president of the National Assembly", "VE"),
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("pompeo|mike pompeo", "Mike Pompeo", "Secretary of State", "US"),
            off("padrino lopez|padrino", "Vladimir Padrino Lopez", "Defence Minister", "VE"),
            off("bolsonaro|jair bolsonaro", "Jair Bolsonaro", "President", "BR"),
            off("duque|ivan duque", "Ivan Duque", "President", "CO"),
            off(
                "almagro|luis almagro", "Luis Almagro", "Secretary General of the Organization of American States", None
            ),
            off("peskov|dmitry peskov", "Dmitry Peskov", "Kremlin spokesman", "RU"),
            off("kalin|ibrahim kalin", "Ibrahim Kalin", "presidential spokesman", "TR"),
        ],
        agencies=[
            REUTERS,
            ag(
                "bolivarian national armed forces|national armed forces|fanb",
                "Bolivarian National Armed Forces",
                "military",
                "VE",
            ),
            ag("organization of american states|oas", "Organization of American States", "international", None),
            UN,
        ],
        opt_agencies=[
            opt("national assembly"),
            opt("kremlin"),
            opt("high command"),
            opt("miraflores"),
            opt("venezuelan observatory of social conflict"),
        ],
        coup="current",
    ),
    dispatch(
        "hf-011",
        "2022-06-03",
        "UN agrees to call Turkey 'Türkiye' at Ankara's request",
        """ANKARA (Anadolu) - The United Nations has agreed to refer to Turkey as "Türkiye" in all its work, UN spokesman Stephane Dujarric said, after Ankara asked the world body to drop a name many Turks feel is too closely tied to a bird.

Foreign Minister Mevlut Cavusoglu sent a letter to Secretary-General Antonio Guterres requesting the change, and it took effect the moment the letter was received on Wednesday, Dujarric told reporters in New York.

"This is part of our work to increase the brand value of our country," Cavusoglu wrote on Twitter, posting a photograph of the letter.

President Tayyip Erdogan launched the campaign in December, saying "Türkiye" best represented "the culture, civilisation and values of the Turkish nation". Government ministries and the state broadcaster TRT have since switched to the new spelling in their English-language material, and "Made in Türkiye" labels are being added to exports.

Fahrettin Altun, head of the presidency's Directorate of Communications, said the country would also ask other international organisations to follow the United Nations. Selim Karaca, who runs the Trade Ministry's export promotion department, said companies had been given a year to update packaging.

The move follows other changes registered at the UN, including Czechia in 2016, Eswatini, formerly Swaziland, in 2018, and North Macedonia in 2019.

For many English speakers the old name will be hard to shake. Dictionaries list "turkey" first as a large bird native to North America, eaten at Christmas and Thanksgiving, and as slang for a failure or a flop.

In Istanbul's Kadikoy district, shopkeeper Hasan Yildiz laughed when asked about the change. "When I travelled abroad people made jokes about turkeys and Thanksgiving," he said. "Maybe now they will ask about our history instead."

Some commentators questioned the timing, with annual inflation above 70 percent. "People want cheaper bread, not a new spelling," said economist Deniz Arslan.""",
        countries="TR CZ SZ MK",
        opt_countries="GB US",
        officials=[
            off("dujarric|stephane dujarric", "Stephane Dujarric", "UN spokesman", None),
            off("cavusoglu|mevlut cavusoglu", "Mevlut Cavusoglu", "Foreign Minister", "TR"),
            off("guterres|antonio guterres", "Antonio Guterres", "Secretary-General", None),
            off("erdogan|tayyip erdogan", "Tayyip Erdogan", "President", "TR"),
            off("altun|fahrettin altun", "Fahrettin Altun", "head of the Directorate of Communications", "TR"),
            off(
                "karaca|selim karaca", "Selim Karaca", "head of the Trade Ministry's export promotion department", "TR"
            ),
        ],
        agencies=[
            ANADOLU,
            UN,
            ag(
                "directorate of communications|communications directorate",
                "Directorate of Communications",
                "government",
                "TR",
            ),
            ag("trade ministry|ministry of trade", "Trade Ministry", "government", "TR"),
        ],
        opt_agencies=[opt("trt"), opt("state broadcaster"), opt("presidency")],
        coup="none",
    ),
    dispatch(
        "hf-012",
        "2019-11-26",
        "Trump pardons turkeys Bread and Butter, jokes about impeachment",
        """WASHINGTON (AP) - President Donald Trump pardoned two turkeys named Bread and Butter on Tuesday and used the annual White House ceremony to take a swipe at the Democrats leading the impeachment inquiry against him.

"Bread and Butter have already received subpoenas to appear in Adam Schiff's basement on Thursday," Trump said in the Rose Garden, referring to the Democratic chairman of the House Intelligence Committee. The crowd laughed.

The birds, raised in North Carolina, were chosen from a flock of about 40 and presented by the National Turkey Federation, the industry group that has supplied the White House since the 1940s. Both will live out their days at a farm run by Virginia Tech.

The light-hearted event came at the end of two weeks of public hearings in which diplomats described efforts to press Ukraine to investigate Trump's political rivals. Gordon Sondland, the U.S. ambassador to the European Union, testified last week that there had been a "quid pro quo" linking a White House visit for Ukrainian President Volodymyr Zelensky to the investigations.

Trump has denied wrongdoing and called the inquiry a hoax. White House spokesman Hogan Gidley said the president would not take part in Judiciary Committee hearings next week.

Earlier this month Trump hosted Turkish President Tayyip Erdogan at the White House, despite criticism from lawmakers of both parties over Ankara's offensive against Kurdish fighters in Syria.

Growers say the Thanksgiving table is changing. "Folks still want the big bird, but they want a smaller one," said Tom Haskell, a turkey farmer from Duplin County, North Carolina, who watched the ceremony from the lawn. American farmers raised about 230 million turkeys this year, according to industry figures.

First Lady Melania Trump stood beside the president as he touched Butter's back and declared it "unconditionally pardoned". Bread, the runner-up, was spared too.

Trump was to fly to Florida later on Tuesday to spend the holiday at his Mar-a-Lago resort.""",
        countries="US UA TR SY",
        officials=[
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("schiff|adam schiff", "Adam Schiff", "chairman of the House Intelligence Committee", "US"),
            off("sondland|gordon sondland", "Gordon Sondland", "ambassador to the European Union", "US"),
            off("zelensky|zelenskiy|zelenskyy|volodymyr zelensky", "Volodymyr Zelensky", "President", "UA"),
            off("gidley|hogan gidley", "Hogan Gidley", "White House spokesman", "US"),
            off("erdogan|tayyip erdogan", "Tayyip Erdogan", "President", "TR"),
        ],
        opt_officials=[opt("melania trump|melania")],
        agencies=[AP, EU],
        opt_agencies=[
            opt("white house"),
            opt("house intelligence committee|intelligence committee"),
            opt("judiciary committee"),
            opt("national turkey federation"),
        ],
        coup="none",
    ),
    dispatch(
        "hf-013",
        "2018-04-27",
        "Kim Jong Un crosses into South Korea for summit with Moon",
        """SEOUL (Yonhap) - North Korean leader Kim Jong Un stepped across the military demarcation line into South Korea on Friday, the first North Korean leader to do so since the 1950-53 war, and agreed with President Moon Jae-in to work towards the "complete denuclearisation" of the peninsula.

The two leaders shook hands over the concrete kerb that marks the border at the truce village of Panmunjom. At Kim's invitation, Moon then briefly stepped over to the northern side.

In a joint declaration signed at the end of the day, the two Koreas agreed to seek a formal end to the war this year and to hold talks with the United States, and possibly China, on a peace treaty. They also pledged to stop "hostile acts" along the border, including propaganda loudspeakers.

"We will make sure that our people do not suffer again from war," Kim said. North Korea's official KCNA news agency called the meeting "a new milestone" in relations.

The DPRK delegation included Kim Yong Nam, president of the Presidium of the Supreme People's Assembly, and Kim's sister Kim Yo Jong. Honour guards of the South Korean army and the Korean People's Army stood a few metres apart.

Chief presidential press secretary Yoon Young-chan said the two leaders had spoken alone for about 30 minutes on a footbridge. Analysts called the summit a diplomatic coup for Moon, who has staked his presidency on engagement with Pyongyang.

U.S. President Donald Trump, who is preparing for his own meeting with Kim, wrote on Twitter that "good things are happening". Japan's Prime Minister Shinzo Abe said Tokyo would watch whether Pyongyang took concrete steps.

In Seoul, 89-year-old Lee Soon-ok, who fled the North as a girl and has not seen her brother since, watched the handshake on a screen at the railway station. "I cried when they held hands," she said. "Maybe I can visit my hometown before I die."

The declaration did not set out any timetable for denuclearisation.""",
        countries="KP KR US CN JP",
        officials=[
            off("kim jong un", "Kim Jong Un", "leader", "KP"),
            off("moon jae in|moon", "Moon Jae-in", "President", "KR"),
            off("kim yong nam", "Kim Yong Nam", "president of the Presidium of the Supreme People's Assembly", "KP"),
            off("yoon young chan", "Yoon Young-chan", "chief presidential press secretary", "KR"),
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("abe|shinzo abe", "Shinzo Abe", "Prime Minister", "JP"),
        ],
        opt_officials=[opt("kim yo jong")],
        agencies=[YONHAP, KCNA, ag("korean people s army|kpa", "Korean People's Army", "military", "KP")],
        opt_agencies=[opt("supreme people s assembly|presidium"), opt("army")],
        coup="figurative",
    ),
    dispatch(
        "hf-014",
        "2024-12-04",
        "South Korea's Yoon lifts martial law after lawmakers vote it down",
        """SEOUL (Yonhap) - South Korean President Yoon Suk Yeol lifted martial law early on Wednesday, about six hours after declaring it, when the National Assembly voted unanimously to overturn a decree that plunged Asia's fourth-largest economy into crisis.

In a late-night televised address on Tuesday, Yoon said he was acting to protect the country from "anti-state forces" and North Korean communist threats, accusing the opposition-controlled parliament of paralysing the government.

Troops and police sealed off the assembly building, and helicopters landed soldiers on its grounds. But lawmakers climbed fences to get inside, and 190 of them voted to lift the decree shortly after 1 a.m. Speaker Woo Won-shik declared the martial law declaration void.

Army Chief of Staff General Park An-su, named martial law commander, had issued a decree banning all political activity and placing the media under military control. The Joint Chiefs of Staff said troops had returned to their units by dawn.

Opposition Democratic Party leader Lee Jae-myung, a lawmaker who livestreamed himself climbing over a wall, called the move "an attempted coup" and his party filed a motion to impeach Yoon later on Wednesday. Han Dong-hoon, leader of Yoon's own People Power Party, said the decree was wrong.

Defence Minister Kim Yong-hyun, who was reported to have proposed the measure, offered his resignation and apologised to the public.

U.S. Deputy Secretary of State Kurt Campbell said Washington had watched with "grave concern". U.S. Forces Korea, which has about 28,500 troops in the country, said its operations were not affected. There was no unusual activity in North Korea, a South Korean military official said.

Office worker Choi Min-ji, 29, who spent the night outside the assembly, said she had come as soon as she saw the news. "My parents told me about martial law in the 1980s," she said. "I never thought I would see soldiers here."

It was the first declaration of martial law in South Korea since 1980.""",
        countries="KR KP US",
        officials=[
            off("yoon suk yeol|yoon", "Yoon Suk Yeol", "President", "KR"),
            off("woo won shik|woo", "Woo Won-shik", "Speaker", "KR"),
            off("park an su", "Park An-su", "Army Chief of Staff", "KR"),
            off("lee jae myung", "Lee Jae-myung", "Democratic Party leader", "KR"),
            off("kim yong hyun", "Kim Yong-hyun", "Defence Minister", "KR"),
            off("campbell|kurt campbell", "Kurt Campbell", "Deputy Secretary of State", "US"),
        ],
        opt_officials=[opt("han dong hoon")],
        agencies=[
            YONHAP,
            ag("joint chiefs of staff|jcs", "Joint Chiefs of Staff", "military", "KR"),
            ag("u s forces korea|us forces korea|usfk|forces korea", "U.S. Forces Korea", "military", "US"),
        ],
        opt_agencies=[
            opt("national assembly"),
            opt("democratic party"),
            opt("people power party"),
            opt("police"),
            opt("army"),
        ],
        coup="current",
    ),
    dispatch(
        "hf-015",
        "2019-04-11",
        "Sudan's army ousts Bashir after 30 years; South Sudan urges calm",
        """KHARTOUM (Reuters) - Sudan's military removed President Omar al-Bashir from power on Thursday and said it would run the country for two years, but thousands of protesters camped outside the Defence Ministry vowed to stay until civilians took charge.

Defence Minister Awad Ibn Auf, wearing military uniform, announced on state television that Bashir had been arrested and taken to "a safe place". He said a military council would lead a transition, and declared a three-month state of emergency and a night-time curfew.

The Sudanese Professionals Association, which has led the protests since December, called the announcement "a coup by the regime" and urged people to defy the curfew.

Bashir, 75, himself took power in an Islamist-backed coup in 1989. He is wanted by the International Criminal Court on charges of genocide in Darfur.

Ibn Auf, who was also first vice president, said the constitution had been suspended and the borders closed until further notice. The National Intelligence and Security Service said it had freed all political detainees.

In neighbouring South Sudan, which split from Sudan in 2011 after decades of war, Information Minister Michael Makuei Lueth said Juba was following events closely and hoped Khartoum would remain stable. Oil from South Sudan is exported through pipelines across Sudan to Port Sudan.

African Union Commission chairman Moussa Faki Mahamat said a military takeover was "not the appropriate response" to the challenges facing Sudan. UN Secretary-General Antonio Guterres called for calm and restraint.

Brigadier Ahmed Khalifa al-Shami, a spokesman for the Sudanese Armed Forces, said the army had no ambition to hold on to power.

In the sit-in outside the army headquarters, student Amna Osman, 23, said the people had not marched for months to swap one general for another. "We removed the head," she said. "Now we want the whole body to go."

Demonstrations began in December over the rising price of bread.""",
        countries="SD SS",
        officials=[
            off("ibn auf|awad ibn auf", "Awad Ibn Auf", "Defence Minister", "SD"),
            off("makuei|makuei lueth|michael makuei", "Michael Makuei Lueth", "Information Minister", "SS"),
            off("faki|moussa faki|faki mahamat", "Moussa Faki Mahamat", "African Union Commission chairman", None),
            off("guterres|antonio guterres", "Antonio Guterres", "UN Secretary-General", None),
            off(
                "al shami|ahmed khalifa al shami|khalifa al shami",
                "Ahmed Khalifa al-Shami",
                "spokesman for the Sudanese Armed Forces",
                "SD",
            ),
        ],
        opt_officials=[opt("bashir|omar al bashir")],
        agencies=[
            REUTERS,
            defence_ministry("SD"),
            ag("sudanese armed forces|saf", "Sudanese Armed Forces", "military", "SD"),
            ag(
                "national intelligence and security service|niss",
                "National Intelligence and Security Service",
                "government",
                "SD",
            ),
            ag("international criminal court|icc", "International Criminal Court", "international", None),
            AU,
            UN,
        ],
        opt_agencies=[
            opt("military council"),
            opt("state television"),
            opt("army"),
            opt("sudanese professionals association"),
            opt("african union commission"),
        ],
        coup="current",
    ),
    dispatch(
        "hf-016",
        "2020-02-22",
        "South Sudan's Kiir and Machar form unity government",
        """JUBA (AFP) - South Sudan's former rebel leader Riek Machar was sworn in as first vice president on Saturday, forming a unity government with his rival President Salva Kiir that is meant to end a six-year civil war which killed an estimated 380,000 people.

Kiir and Machar embraced after the ceremony at State House in Juba, attended by diplomats and church leaders. "I call on the people of South Sudan to forgive one another," Kiir said. Machar said he would work with the president "to end the suffering of our people".

The two men have formed governments together before. Their falling-out in December 2013 triggered the war, and a previous power-sharing deal collapsed in 2016 when fighting erupted in the capital and Machar fled the country.

James Wani Igga, who was first vice president, became one of four other vice presidents under the peace deal signed in 2018. Rounds of talks on security arrangements were held in Khartoum that year, and Sudan and Uganda act as guarantors.

David Shearer, head of the UN Mission in South Sudan, called the day "a significant moment". The regional bloc IGAD, which mediated the deal, urged both sides to unify their armies quickly. The training of a joint force of 83,000 troops is months behind schedule.

Lieutenant Colonel Santo Deng, a spokesman for the South Sudan People's Defence Forces, said the army was ready to merge with Machar's fighters "as brothers".

South Sudan, the world's youngest nation, gained independence from Sudan in 2011 after decades of conflict. Oil provides almost all government revenue.

At a UN protection site in Juba that still shelters about 30,000 people, mother of four Nyabol Gatluak said she would wait before going home. "We have seen them hold hands before," she said. "Then the shooting started again."

Aid agencies say more than half the population faces severe hunger.""",
        countries="SS SD UG",
        officials=[
            off("machar|riek machar", "Riek Machar", "first vice president", "SS"),
            off("kiir|salva kiir", "Salva Kiir", "President", "SS"),
            off("wani igga|james wani", "James Wani Igga", "vice president", "SS"),
            off("shearer|david shearer", "David Shearer", "head of the UN Mission in South Sudan", None),
            off("santo deng", "Santo Deng", "spokesman for the South Sudan People's Defence Forces", "SS"),
        ],
        agencies=[
            AFP,
            ag("un mission in south sudan|unmiss", "UN Mission in South Sudan", "international", None),
            IGAD,
            UN,
            ag(
                "south sudan people s defence forces|ssdf|sspdf",
                "South Sudan People's Defence Forces",
                "military",
                "SS",
            ),
        ],
        opt_agencies=[opt("army"), opt("state house")],
        coup="none",
    ),
    dispatch(
        "hf-017",
        "2019-01-10",
        "Tshisekedi named winner in Congo vote; France says result doubtful",
        """KINSHASA (Reuters) - Opposition leader Felix Tshisekedi won Democratic Republic of Congo's presidential election, the electoral commission said on Thursday, but France and the Catholic Church questioned the result and another opposition candidate, Martin Fayulu, called it an "electoral coup".

Corneille Nangaa, president of the Independent National Electoral Commission (CENI), announced in the early hours that Tshisekedi had won 38.6 percent of the vote against 34.8 percent for Fayulu. Emmanuel Ramazani Shadary, the candidate backed by outgoing President Joseph Kabila, came third.

If confirmed, the result would mark the first peaceful transfer of power since independence from Belgium in 1960. Kabila has ruled since his father's assassination in 2001.

French Foreign Minister Jean-Yves Le Drian said the announced results did not appear to match "the true results", and Belgian Foreign Minister Didier Reynders said Brussels had doubts. The Catholic bishops' conference, which deployed 40,000 observers, said the results did not correspond to its data.

Communications Minister Lambert Mende said foreign governments should respect the country's sovereignty, and the internet, cut since the day after the Dec. 30 vote, would be restored once calm returned.

Police said two people were killed in clashes in Kikwit, a Fayulu stronghold. In Kinshasa, Tshisekedi supporters danced in the streets of Limete.

Across the river in Brazzaville, the Republic of Congo's government said it was watching events in its larger neighbour closely and called for restraint. Jean-Claude Ibara, a spokesman at the Congolese Foreign Ministry in Brazzaville, said the country feared a new flow of refugees.

Street vendor Grace Mbuyi, 31, said she had voted for Fayulu but would accept anyone who brought change. "For eighteen years it has been the same people," she said. "I just want electricity and school for my children."

The Constitutional Court must confirm the final results.""",
        countries="CD CG FR BE",
        officials=[
            off(
                "nangaa|corneille nangaa",
                "Corneille Nangaa",
                "president of the Independent National Electoral Commission",
                "CD",
            ),
            off("kabila|joseph kabila", "Joseph Kabila", "President", "CD"),
            off("le drian|jean yves le drian", "Jean-Yves Le Drian", "Foreign Minister", "FR"),
            off("reynders|didier reynders", "Didier Reynders", "Foreign Minister", "BE"),
            off("lambert mende|mende", "Lambert Mende", "Communications Minister", "CD"),
            off("ibara|jean claude ibara", "Jean-Claude Ibara", "Foreign Ministry spokesman", "CG"),
        ],
        opt_officials=[
            opt("tshisekedi|felix tshisekedi"),
            opt("fayulu|martin fayulu"),
            opt("shadary|ramazani shadary"),
        ],
        agencies=[
            REUTERS,
            ag(
                "independent national electoral commission|electoral commission|election commission|ceni",
                "Independent National Electoral Commission",
                "government",
                "CD",
            ),
            foreign_ministry("CG"),
        ],
        opt_agencies=[opt("constitutional court"), opt("police"), opt("catholic bishops conference")],
        coup="figurative",
    ),
    dispatch(
        "hf-018",
        "2016-04-05",
        "Gunfire rocks Brazzaville; government blames Ntumi's Ninja fighters",
        """BRAZZAVILLE (AFP) - Heavy gunfire rocked the southern districts of Brazzaville on Monday and Tuesday, and the government of the Republic of Congo blamed former militia fighters loyal to the rebel pastor Frederic Bintsamou, known as Ntumi.

Government spokesman Thierry Moungalla, who is also communications minister, said on state television that at least 17 people had been killed, including three police officers and two soldiers, when armed men attacked police stations and a military post in the Makelekele and Bacongo neighbourhoods.

"These were former Ninja militiamen who had been lying in wait," Moungalla said. Interior Minister Raymond Mboulou said the attackers had been repelled and that security forces controlled the capital.

The violence erupted the day the Constitutional Court confirmed the re-election of President Denis Sassou Nguesso, who won 60 percent of the vote in the March 20 election after changing the constitution to run again. Opposition candidates Guy-Brice Parfait Kolelas and General Jean-Marie Michel Mokoko, a former army chief of staff, rejected the result as fraudulent.

Kolelas, whose family comes from the Pool region where Ntumi's fighters are based, denied any link to the attacks. Ntumi's men fought government forces in the civil wars of the late 1990s and signed a peace deal in 2003.

Colonel Marcel Ngoma, a spokesman for the gendarmerie, said checkpoints had been set up on the roads leading south towards the Pool.

Officials in Kinshasa, across the Congo River, said the Democratic Republic of Congo had reinforced patrols along its bank. The two capitals face each other across the water and are linked by a busy ferry.

Residents of Bacongo fled north with mattresses and cooking pots. "I heard the shooting at dawn and took my children and ran," said Marie-Claire Loubaki, a trader. "We know what war looks like here."

Sassou Nguesso has ruled for 32 years in total.""",
        countries="CG CD",
        officials=[
            off("moungalla|thierry moungalla", "Thierry Moungalla", "Government spokesman", "CG"),
            off("mboulou|raymond mboulou", "Raymond Mboulou", "Interior Minister", "CG"),
            off("sassou nguesso|denis sassou", "Denis Sassou Nguesso", "President", "CG"),
            off("ngoma|marcel ngoma", "Marcel Ngoma", "spokesman for the gendarmerie", "CG"),
        ],
        opt_officials=[opt("kolelas|parfait kolelas"), opt("mokoko|jean marie michel mokoko")],
        agencies=[AFP],
        opt_agencies=[
            opt("constitutional court"),
            opt("state television"),
            opt("security forces"),
            opt("gendarmerie"),
            opt("police"),
            opt("government"),
        ],
        coup="none",
    ),
    dispatch(
        "hf-019",
        "2021-11-17",
        "Canada sends in military as floods cut off Vancouver; Washington state hit too",
        """VANCOUVER (Reuters) - Canada deployed the military to British Columbia on Wednesday and the province declared a state of emergency after record rainfall triggered floods and mudslides that cut off Vancouver, the country's busiest port, from the rest of Canada.

Premier John Horgan said the province would limit fuel purchases and non-essential travel. "This is a once-in-a-century event, and it is not over," he told reporters.

Prime Minister Justin Trudeau, speaking in Washington where he is due to attend a North American leaders' summit with U.S. President Joe Biden and Mexico's President Andres Manuel Lopez Obrador, said Canadian Armed Forces aircraft and troops would help evacuate stranded people and protect supply lines.

Emergency Preparedness Minister Bill Blair said several hundred personnel would be sent to the hardest-hit areas. At least one person was killed in a mudslide near Lillooet, and police said others were missing.

In the Fraser Valley, Abbotsford Mayor Henry Braun ordered the evacuation of the Sumas Prairie, a former lake bed where water kept rising as the Nooksack River spilled over from across the border.

South of the border, Washington state Governor Jay Inslee declared an emergency in 14 counties. Thousands of people were evacuated in the towns of Sumas and Everson in Whatcom County. Biden's administration said federal agencies stood ready to help both sides of the frontier, and Ottawa said it had asked Washington to speed the return of Canadian truckers stuck in the United States.

Scientists link the storms, carried by an "atmospheric river" of moisture from the Pacific, to warmer oceans. The floods came months after a heat wave and wildfires destroyed the village of Lytton.

Dairy farmer Jaspreet Gill, who was ferrying cows to higher ground on a neighbour's trailer, said he had lost more than 100 animals. "The water came over the road in an hour," he said.

Rail links to the port could take weeks to repair.""",
        countries="CA US MX",
        officials=[
            off("horgan|john horgan", "John Horgan", "Premier", "CA"),
            off("trudeau|justin trudeau", "Justin Trudeau", "Prime Minister", "CA"),
            off("biden|joe biden", "Joe Biden", "President", "US"),
            off("lopez obrador|andres manuel lopez obrador", "Andres Manuel Lopez Obrador", "President", "MX"),
            off("blair|bill blair", "Bill Blair", "Emergency Preparedness Minister", "CA"),
            off("braun|henry braun", "Henry Braun", "Mayor", "CA"),
            off("inslee|jay inslee", "Jay Inslee", "Governor", "US"),
        ],
        agencies=[REUTERS, ag("canadian armed forces|armed forces", "Canadian Armed Forces", "military", "CA")],
        opt_agencies=[opt("police"), opt("military")],
        coup="none",
    ),
    dispatch(
        "hf-020",
        "2018-08-02",
        "Zimbabwe troops fire on protesters as ruling party wins parliament",
        """HARARE (AFP) - Zimbabwe's government deployed soldiers on the streets of Harare on Thursday, a day after troops opened fire on opposition supporters protesting over delays in announcing the results of the first election since Robert Mugabe was removed in a coup last November.

Police spokeswoman Charity Charamba said three people had been killed in Wednesday's violence, which erupted after the ruling ZANU-PF party was declared the winner of a two-thirds majority in parliament. Opposition supporters accused the Zimbabwe Electoral Commission of rigging the count.

President Emmerson Mnangagwa, who took over from Mugabe with the army's backing, called for calm and said the incident would be investigated. Opposition leader Nelson Chamisa of the MDC Alliance said he had won the presidential vote.

Justice Priscilla Chigumba, the electoral commission's chairwoman, said presidential results would be announced once all parties had verified the tallies. "We have nothing to hide," she said.

Elmar Brok, chief observer of the European Union's election observation mission, criticised the use of live ammunition and the "lack of a level playing field". UN Secretary-General Antonio Guterres called for restraint, and Washington and the UK, the former colonial power, urged the Zimbabwe Defence Forces to stay in barracks.

Shops in central Harare remained shut on Thursday as armoured vehicles patrolled.

Washington Mupfumi, a street vendor who sells phone cards near the opposition's headquarters, said soldiers had beaten people with sticks. "We thought that after Mugabe things would change, that we could talk freely," he said. "Today it feels like the old days."

The vote was meant to draw a line under nearly four decades of rule by Mugabe, now 94, and to help Zimbabwe win back foreign investment and financial support from the International Monetary Fund.

Chamisa's spokesman Nkululeko Sibanda said the party would challenge the result in court.""",
        countries="ZW US GB",
        officials=[
            off("charamba|charity charamba", "Charity Charamba", "Police spokeswoman", "ZW"),
            off("mnangagwa|emmerson mnangagwa", "Emmerson Mnangagwa", "President", "ZW"),
            off("chigumba|priscilla chigumba", "Priscilla Chigumba", "electoral commission chairwoman", "ZW"),
            off(
                "brok|elmar brok",
                "Elmar Brok",
                "chief observer of the European Union's election observation mission",
                None,
            ),
            off("guterres|antonio guterres", "Antonio Guterres", "UN Secretary-General", None),
        ],
        opt_officials=[opt("mugabe|robert mugabe"), opt("chamisa|nelson chamisa")],
        agencies=[
            AFP,
            ag(
                "zimbabwe electoral commission|electoral commission|zec",
                "Zimbabwe Electoral Commission",
                "government",
                "ZW",
            ),
            EU,
            UN,
            ag("zimbabwe defence forces|defence forces|zdf", "Zimbabwe Defence Forces", "military", "ZW"),
            ag("international monetary fund|imf", "International Monetary Fund", "international", None),
        ],
        opt_agencies=[
            opt("zanu pf"),
            opt("mdc alliance"),
            opt("police"),
            opt("army"),
            opt("parliament"),
            opt("election observation mission"),
        ],
        coup="historical",
    ),
    dispatch(
        "hf-021",
        "2017-11-22",
        "U.S. calls Burma's Rohingya crackdown 'ethnic cleansing'",
        """WASHINGTON (Reuters) - The United States on Wednesday called the Burmese military's campaign against Rohingya Muslims "ethnic cleansing" and threatened targeted sanctions against those responsible, hardening its position after more than 600,000 people fled to Bangladesh.

"After a careful and thorough analysis of available facts, it is clear that the situation in northern Rakhine state constitutes ethnic cleansing against the Rohingya," Secretary of State Rex Tillerson said in a statement. He visited Naypyitaw last week and met Myanmar's civilian leader Aung San Suu Kyi and the armed forces commander, Senior General Min Aung Hlaing.

The State Department uses Burma, the country's name before the military government changed it in 1989. The military, known as the Tatmadaw, seized power in a 1962 coup and ruled for nearly half a century. Under a constitution it drafted, it still controls three ministries and a quarter of parliamentary seats, limiting the power of Suu Kyi, who holds the post of state counsellor.

Government spokesman Zaw Htay said Myanmar would cooperate with any "fair" investigation and was ready to take back verified refugees. Officials from Myanmar and Bangladesh are expected to sign a repatriation agreement this week.

The Tatmadaw says its "clearance operations" were a response to attacks on police posts by Rohingya insurgents in August, and an internal inquiry last week cleared soldiers of wrongdoing.

UN High Commissioner for Human Rights Zeid Ra'ad al-Hussein called the campaign "a textbook example of ethnic cleansing" in September. Bangladesh's Foreign Minister Abul Hassan Mahmood Ali has said the influx has overwhelmed the camps near Cox's Bazar.

"They burned our houses and shot at us when we ran," said Rashida Begum, 35, who arrived in the Kutupalong camp in September with three children. "How can I go back to that village?"

Human rights groups said the U.S. designation should lead to sanctions on the army's leadership. The State Department said it was considering measures under the Global Magnitsky Act.""",
        countries="MM US BD",
        officials=[
            off("tillerson|rex tillerson", "Rex Tillerson", "Secretary of State", "US"),
            off("aung san suu kyi|suu kyi", "Aung San Suu Kyi", "state counsellor", "MM"),
            off("min aung hlaing", "Min Aung Hlaing", "armed forces commander", "MM"),
            off("zaw htay", "Zaw Htay", "Government spokesman", "MM"),
            off("zeid|zeid ra ad al hussein", "Zeid Ra'ad al-Hussein", "UN High Commissioner for Human Rights", None),
            off("mahmood ali|abul hassan mahmood ali", "Abul Hassan Mahmood Ali", "Foreign Minister", "BD"),
        ],
        agencies=[REUTERS, STATE_DEPT, ag("tatmadaw", "Tatmadaw", "military", "MM"), UN],
        opt_agencies=[opt("armed forces"), opt("army"), opt("police")],
        coup="historical",
    ),
    dispatch(
        "hf-022",
        "2020-01-08",
        "Iran fires missiles at U.S. forces in Iraq in retaliation for Soleimani killing",
        """DUBAI (Reuters) - Iran fired more than a dozen ballistic missiles at two bases in Iraq housing U.S. troops early on Wednesday, in retaliation for the U.S. drone strike in Baghdad that killed Revolutionary Guards commander Qassem Soleimani.

The Islamic Revolutionary Guard Corps said in a statement carried by the state news agency IRNA that the attack on the Ain al-Asad air base in western Iraq and a base in Erbil was "fierce revenge" and warned Washington against any response.

Foreign Minister Mohammad Javad Zarif wrote on Twitter that Iran "took & concluded proportionate measures in self-defense" under the UN Charter and did not seek escalation. Supreme Leader Ayatollah Ali Khamenei told a crowd in Qom the strikes were "a slap in the face" for the Americans.

The Pentagon said the missiles were launched from Iranian territory. "We are working on initial battle damage assessments," chief Pentagon spokesman Jonathan Hoffman said. Defense Secretary Mark Esper briefed President Donald Trump at the White House, and Trump later said no Americans had been harmed and announced new sanctions on the Islamic Republic of Iran.

Iraq's caretaker Prime Minister Adel Abdul Mahdi said he had received a verbal message from Tehran shortly before the attack. Iraq's Joint Operations Command said there were no Iraqi casualties.

Iranian Foreign Ministry spokesman Abbas Mousavi said the Islamic Republic had informed Iraqi officials of the strike in advance.

Hours after the missile attack, a Ukraine International Airlines Boeing 737 crashed shortly after take-off from Tehran's Imam Khomeini airport, killing all 176 people on board. Ukrainian President Volodymyr Zelensky cut short a visit to Oman and said Kyiv would send investigators.

Oil prices jumped more than 4 percent in Asian trade before easing. "Everybody is waiting to see what Trump does," said Dariush Moradi, an independent political analyst.

Tehran resident Maryam Karimi, 38, said she had stayed up all night watching the news. "We are afraid of war," she said.""",
        countries="IR US IQ UA OM",
        opt_countries="AE",
        officials=[
            off("zarif|javad zarif", "Mohammad Javad Zarif", "Foreign Minister", "IR"),
            off("khamenei|ali khamenei", "Ali Khamenei", "Supreme Leader", "IR"),
            off("hoffman|jonathan hoffman", "Jonathan Hoffman", "chief Pentagon spokesman", "US"),
            off("esper|mark esper", "Mark Esper", "Defense Secretary", "US"),
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("abdul mahdi|adel abdul mahdi", "Adel Abdul Mahdi", "Prime Minister", "IQ"),
            off("mousavi|abbas mousavi", "Abbas Mousavi", "Foreign Ministry spokesman", "IR"),
            off("zelensky|zelenskiy|zelenskyy|volodymyr zelensky", "Volodymyr Zelensky", "President", "UA"),
        ],
        opt_officials=[opt("soleimani|qassem soleimani")],
        agencies=[
            REUTERS,
            IRNA,
            ag(
                "revolutionary guards|revolutionary guard corps|irgc",
                "Islamic Revolutionary Guard Corps",
                "military",
                "IR",
            ),
            PENTAGON,
            ag("joint operations command", "Joint Operations Command", "military", "IQ"),
            foreign_ministry("IR"),
        ],
        opt_agencies=[UN_OPT, opt("white house"), opt("ukraine international airlines")],
        coup="none",
    ),
    dispatch(
        "hf-023",
        "2023-01-07",
        "Mali's junta pardons 49 Ivorian soldiers, easing row with Côte d'Ivoire",
        """BAMAKO (Reuters) - Mali's military leader Colonel Assimi Goita has pardoned 49 soldiers from Côte d'Ivoire who were arrested at Bamako airport in July and accused of being mercenaries, ending a six-month standoff between the West African neighbours.

Government spokesman Colonel Abdoulaye Maiga announced the pardon on state television late on Friday, a week after a Bamako court sentenced 46 of the soldiers to 20 years in prison for undermining state security. Three female soldiers, released in September, had been sentenced to death in absentia.

Maiga said the pardon showed Goita's "commitment to peace, dialogue and good neighbourliness". The soldiers were expected to fly home to Abidjan on Saturday.

Côte d'Ivoire has always said the troops were in Mali to provide security for a contractor working for the UN peacekeeping mission, MINUSMA, and were not mercenaries. Ivorian Defence Minister Tene Birahima Ouattara said the country would give them "the welcome they deserve".

Togo's President Faure Gnassingbe mediated between the two governments, and his Foreign Minister Robert Dussey travelled repeatedly between Bamako and Abidjan. The Economic Community of West African States had given Mali until Jan. 1 to release the soldiers or face sanctions.

Relations between Bamako and Abidjan soured after Goita led coups in August 2020 and May 2021. Ivorian President Alassane Ouattara was among the West African leaders who pushed for tough ECOWAS sanctions on Mali last year.

Commander Yacouba Traore, a spokesman for the Malian armed forces, said the soldiers had been well treated in detention.

In the Abidjan district of Yopougon, relatives prepared to celebrate. "My son went to earn money for his family, not to fight anyone's war," said Adjoua Kouame, whose son is among the 46. "Six months we have waited. Now we can breathe."

Mali's junta has also fallen out with France and pushed out French troops last year.""",
        countries="ML CI TG FR",
        officials=[
            off("goita|assimi goita", "Assimi Goita", "military leader", "ML"),
            off("abdoulaye maiga|maiga", "Abdoulaye Maiga", "Government spokesman", "ML"),
            off(
                "tene birahima ouattara|birahima ouattara|tene birahima",
                "Tene Birahima Ouattara",
                "Defence Minister",
                "CI",
            ),
            off("gnassingbe|faure gnassingbe", "Faure Gnassingbe", "President", "TG"),
            off("dussey|robert dussey", "Robert Dussey", "Foreign Minister", "TG"),
            off("alassane ouattara", "Alassane Ouattara", "President", "CI"),
            off("yacouba traore|traore", "Yacouba Traore", "spokesman for the Malian armed forces", "ML"),
        ],
        agencies=[REUTERS, ag("minusma|un peacekeeping mission", "MINUSMA", "international", None), UN, ECOWAS],
        opt_agencies=[opt("state television"), opt("malian armed forces|armed forces"), opt("junta")],
        coup="historical",
    ),
    dispatch(
        "hf-024",
        "2018-11-22",
        "Kosovo slaps 100 pct tariff on Serbian goods after Interpol rebuff",
        """PRISTINA (Reuters) - Kosovo raised tariffs on imports from Serbia and Bosnia and Herzegovina to 100 percent on Wednesday, a day after Belgrade helped block its bid to join Interpol, a move the European Union said violated regional trade rules.

Prime Minister Ramush Haradinaj said the measure, up from 10 percent imposed earlier this month, would remain until Serbia recognised Kosovo's independence. "Serbia is behaving as if we do not exist, so let it see what not existing means," he told Kosovar lawmakers.

Kosovo failed to win the two-thirds majority needed to join the international police organisation at its general assembly in Dubai on Tuesday, after an intensive lobbying campaign by Serbia. Serbian Foreign Minister Ivica Dacic called the vote a victory for international law.

EU foreign policy chief Federica Mogherini said the tariff was "a clear violation" of the CEFTA regional free-trade agreement and urged Pristina to revoke it immediately. Serbia's President Aleksandar Vucic said Kosovo was "destroying" the EU-mediated dialogue between the two sides.

Kosovo President Hashim Thaci and Foreign Minister Behgjet Pacolli, who had campaigned for the Interpol bid, said they were disappointed. U.S. Ambassador Philip Kosnett urged Kosovar leaders to reconsider, saying the tariff hurt people on both sides.

Arben Krasniqi, a spokesman for Kosovo's Trade Ministry, said customs officers had begun applying the new rate at midnight.

Kosovo declared independence from Serbia in 2008 and is recognised by more than 100 countries, including the United States, but not by Serbia, Russia or China. About 4,000 NATO-led KFOR peacekeepers remain in the country.

At the Merdare crossing, Serbian lorry driver Dragan Petrovic said he had been waiting since the morning with a load of flour. "Who pays for this? Not the politicians," he said.

Ethnic Serbs in northern Kosovo rely heavily on goods from Serbia, and shopkeepers in Mitrovica said shelves could empty within days.""",
        countries="XK RS BA US RU CN",
        opt_countries="AE",
        officials=[
            off("haradinaj|ramush haradinaj", "Ramush Haradinaj", "Prime Minister", "XK"),
            off("dacic|ivica dacic", "Ivica Dacic", "Foreign Minister", "RS"),
            off("mogherini|federica mogherini", "Federica Mogherini", "EU foreign policy chief", None),
            off("vucic|aleksandar vucic", "Aleksandar Vucic", "President", "RS"),
            off("thaci|hashim thaci", "Hashim Thaci", "President", "XK"),
            off("pacolli|behgjet pacolli", "Behgjet Pacolli", "Foreign Minister", "XK"),
            off("kosnett|philip kosnett", "Philip Kosnett", "U.S. Ambassador", "US"),
            off("krasniqi|arben krasniqi", "Arben Krasniqi", "spokesman for the Trade Ministry", "XK"),
        ],
        agencies=[
            REUTERS,
            INTERPOL,
            EU,
            ag("trade ministry|ministry of trade and industry|ministry of trade", "Trade Ministry", "government", "XK"),
            NATO,
            ag("kfor|kosovo force", "KFOR", "military", None),
        ],
        opt_agencies=[opt("cefta"), opt("customs")],
        coup="none",
    ),
    dispatch(
        "hf-025",
        "2020-08-13",
        "Israel and UAE agree to normalise ties in U.S.-brokered deal",
        """WASHINGTON (Reuters) - Israel and the United Arab Emirates agreed on Thursday to establish full diplomatic relations, in a U.S.-brokered deal under which Israel will suspend plans to annex parts of the occupied West Bank.

The agreement, announced by President Donald Trump in the Oval Office after a call with Israeli Prime Minister Benjamin Netanyahu and Abu Dhabi's Crown Prince Sheikh Mohammed bin Zayed al-Nahyan, makes the UAE only the third Arab country, after Egypt and Jordan, to have full ties with Israel.

Analysts called it a diplomatic coup for Trump, who is trailing in the polls less than three months before the November election. "Everybody said this would be impossible," Trump told reporters.

The Emirati state news agency WAM said the two countries would sign agreements on investment, tourism, direct flights, security and embassies in the coming weeks. Anwar Gargash, the UAE's Minister of State for Foreign Affairs, called the deal "a bold step" that had stopped "a ticking time bomb" of annexation.

Netanyahu said Israel had agreed to delay annexation but that the plan remained "on the table". Trump's senior adviser Jared Kushner, who helped negotiate the deal, said more Arab states could follow.

Palestinians condemned the agreement. Nabil Abu Rudeineh, spokesman for Palestinian President Mahmoud Abbas, read a statement calling it "a betrayal of Jerusalem, Al-Aqsa and the Palestinian cause", and the Palestinian ambassador to the UAE was recalled.

Jordan's Foreign Minister Ayman Safadi said the deal's impact depended on whether Israel ended its occupation, while Egyptian President Abdel Fattah al-Sisi welcomed it.

In Ramallah, shopkeeper Khalil Odeh said he was not surprised. "The Gulf has been walking towards Israel for years," he said. "Today they only stopped hiding it."

Israeli settlers opposed to any delay in annexation accused Netanyahu of giving in to Washington.""",
        countries="IL AE US EG JO PS",
        officials=[
            off("trump|donald trump", "Donald Trump", "President", "US"),
            off("netanyahu|benjamin netanyahu", "Benjamin Netanyahu", "Prime Minister", "IL"),
            off("mohammed bin zayed|mohamed bin zayed", "Sheikh Mohammed bin Zayed al-Nahyan", "Crown Prince", "AE"),
            off("gargash|anwar gargash", "Anwar Gargash", "Minister of State for Foreign Affairs", "AE"),
            off("kushner|jared kushner", "Jared Kushner", "senior adviser", "US"),
            off(
                "abu rudeineh|nabil abu rudeineh",
                "Nabil Abu Rudeineh",
                "spokesman for Palestinian President Mahmoud Abbas",
                "PS",
            ),
            off("abbas|mahmoud abbas", "Mahmoud Abbas", "President", "PS"),
            off("safadi|ayman safadi", "Ayman Safadi", "Foreign Minister", "JO"),
            off("sisi|al sisi|abdel fattah al sisi", "Abdel Fattah al-Sisi", "President", "EG"),
        ],
        agencies=[REUTERS, WAM],
        opt_agencies=[opt("oval office")],
        coup="figurative",
    ),
    dispatch(
        "hf-026",
        "2017-10-16",
        "Mogadishu bomb toll passes 300 as Turkey flies out wounded",
        """MOGADISHU (Reuters) - The death toll from a truck bombing in Somalia's capital rose above 300 on Monday, officials said, making it the deadliest attack in the country's history, as a Turkish military plane flew dozens of the badly wounded to Ankara for treatment.

Information Minister Abdirahman Osman said 276 people had been confirmed dead by Sunday night and that many more bodies were being recovered from the rubble at the busy K5 junction, where the lorry packed with explosives blew up on Saturday afternoon near a hotel and government offices.

President Mohamed Abdullahi Mohamed, known as Farmajo, declared three days of national mourning and joined hundreds of people donating blood. "This is a cruel act against our people," he said. Prime Minister Hassan Ali Khaire visited the site and promised to rebuild the district.

No group has claimed responsibility, but officials blamed al Shabaab, the Islamist militant group that has fought the government for a decade. Mogadishu Mayor Thabit Abdi Mohamed said the city had run out of body bags.

Police officer Captain Mohamed Hussein said the truck had been stopped at a checkpoint earlier but had forced its way through. "We could not do anything, it was like the sky fell," he said.

Kenya and Ethiopia, which have troops in the African Union's AMISOM peacekeeping force, sent medical supplies. U.S. Africa Command, which has stepped up air strikes against al Shabaab this year, said it was ready to help the Somali government. Authorities in breakaway Somaliland sent condolences.

Turkey, a major donor that runs Mogadishu's largest hospital, sent doctors along with the plane. Many of the injured had burns covering much of their bodies, doctors said.

Halima Nur, a mother of five whose husband sold fruit near the junction, searched hospital lists for his name. "I went from one hospital to another," she said. "Nobody knows where he is."

Volunteers were digging graves on the city's outskirts.""",
        countries="SO TR KE ET US",
        officials=[
            off("abdirahman osman|osman", "Abdirahman Osman", "Information Minister", "SO"),
            off(
                "farmajo|farmaajo|mohamed abdullahi mohamed|mohamed abdullahi",
                "Mohamed Abdullahi Mohamed",
                "President",
                "SO",
            ),
            off("khaire|hassan ali khaire", "Hassan Ali Khaire", "Prime Minister", "SO"),
            off("thabit abdi|thabit", "Thabit Abdi Mohamed", "Mayor", "SO"),
            off("mohamed hussein", "Mohamed Hussein", "Police officer", "SO"),
        ],
        agencies=[
            REUTERS,
            AU,
            ag("amisom|african union mission in somalia", "AMISOM", "international", None),
            ag("africa command|africom", "U.S. Africa Command", "military", "US"),
        ],
        opt_agencies=[opt("police"), opt("government")],
        coup="none",
    ),
    dispatch(
        "hf-027",
        "2021-02-25",
        "Armenian PM says army's demand he resign is attempted coup",
        """YEREVAN (Reuters) - Armenian Prime Minister Nikol Pashinyan accused the army's top brass of an attempted military coup on Thursday after the General Staff demanded that he resign, and called on his supporters to rally in central Yerevan.

The General Staff said in a statement signed by its chief, Colonel General Onik Gasparyan, and dozens of senior officers that Pashinyan and his government were no longer able to make adequate decisions and should step down.

"I consider this statement an attempted military coup," Pashinyan said in a live broadcast on Facebook, announcing that he had fired Gasparyan. The dismissal must be approved by President Armen Sarkissian, who said he was examining it and urged all sides to show restraint.

The row began when Pashinyan sacked Tiran Khachatryan, first deputy chief of the General Staff, who had mocked the prime minister's remark that Russian-made Iskander missiles had failed to work during last year's war with Azerbaijan over Nagorno-Karabakh.

Pashinyan has faced protests since he signed a Russian-brokered ceasefire in November that handed territory to Azerbaijan. Opposition parties, which want former prime minister Vazgen Manukyan to lead an interim government, held their own rally.

In Moscow, Kremlin spokesman Dmitry Peskov said Russia was alarmed by the developments but considered them Armenia's internal affair, the Interfax news agency reported. Russia has a military base in Armenia.

Turkish Foreign Minister Mevlut Cavusoglu, whose country backed Azerbaijan in the war, said Ankara condemned any coup attempt.

Major General Hrant Melikyan, a deputy defence minister, told reporters the armed forces must stay out of politics.

On Republic Square, retired teacher Anahit Grigoryan, 67, said she had come to defend the government, though she blamed it for the defeat. "We lost our sons in the war," she said. "We cannot lose the country as well."

By evening both rallies had dispersed peacefully.""",
        countries="AM RU AZ TR",
        officials=[
            off("pashinyan|nikol pashinyan", "Nikol Pashinyan", "Prime Minister", "AM"),
            off("gasparyan|onik gasparyan", "Onik Gasparyan", "chief of the General Staff", "AM"),
            off("sarkissian|sargsyan|armen sarkissian", "Armen Sarkissian", "President", "AM"),
            off("khachatryan|tiran khachatryan", "Tiran Khachatryan", "first deputy chief of the General Staff", "AM"),
            off("peskov|dmitry peskov", "Dmitry Peskov", "Kremlin spokesman", "RU"),
            off("cavusoglu|mevlut cavusoglu", "Mevlut Cavusoglu", "Foreign Minister", "TR"),
            off("melikyan|hrant melikyan", "Hrant Melikyan", "deputy defence minister", "AM"),
        ],
        opt_officials=[opt("manukyan|vazgen manukyan")],
        agencies=[
            REUTERS,
            ag("general staff", "General Staff", "military", "AM"),
            ag("interfax", "Interfax", "news_agency", "RU"),
        ],
        opt_agencies=[opt("kremlin"), opt("armed forces"), opt("army"), opt("government")],
        coup="current",
    ),
    dispatch(
        "hf-028",
        "2020-08-05",
        "Beirut blast kills at least 135; Lebanon blames stored ammonium nitrate",
        """BEIRUT (Reuters) - Rescuers dug through rubble on Wednesday in search of survivors of a huge explosion at Beirut's port that killed at least 135 people and injured about 5,000, the health ministry said, as Lebanon's leaders promised to punish those responsible.

President Michel Aoun said 2,750 tonnes of ammonium nitrate, used in fertilisers and bombs, had been stored unsafely at a port warehouse for six years. The cabinet declared a two-week state of emergency in the capital and handed the army control of security.

"Those responsible for this catastrophe will pay the price," Prime Minister Hassan Diab said in a televised address.

Health Minister Hamad Hassan said hospitals were overwhelmed and short of beds and equipment. Beirut Governor Marwan Abboud, who broke down in tears when he visited the port, said up to 300,000 people had been left homeless.

Major General Abbas Ibrahim, head of the General Security agency, said it was too early to speculate on the cause. Brigadier General Samir Haddad, an army spokesman, said search teams were still working at the port.

The blast, felt as far away as Cyprus, came as Lebanon was already suffering its worst economic crisis in decades. French President Emmanuel Macron, whose country ruled Lebanon under a mandate after World War One, will visit on Thursday.

Kuwait and Qatar flew in field hospitals and medical teams. Israel, which is technically at war with Lebanon, offered humanitarian aid through international intermediaries, Defence Minister Benny Gantz said.

In the Gemmayzeh district, where the blast ripped the fronts off old stone houses, architect Rima Saad swept glass from her parents' balcony. "We have survived wars," she said. "But I have never seen Beirut like this."

Port officials had warned the judiciary several times that the chemicals were dangerous, according to documents seen by Reuters. The cabinet ordered port officials overseeing storage since 2014 to be put under house arrest.""",
        countries="LB FR CY KW QA IL",
        officials=[
            off("aoun|michel aoun", "Michel Aoun", "President", "LB"),
            off("diab|hassan diab", "Hassan Diab", "Prime Minister", "LB"),
            off("hamad hassan", "Hamad Hassan", "Health Minister", "LB"),
            off("abboud|marwan abboud", "Marwan Abboud", "Governor", "LB"),
            off("abbas ibrahim", "Abbas Ibrahim", "head of the General Security agency", "LB"),
            off("samir haddad|haddad", "Samir Haddad", "army spokesman", "LB"),
            off("macron|emmanuel macron", "Emmanuel Macron", "President", "FR"),
            off("gantz|benny gantz", "Benny Gantz", "Defence Minister", "IL"),
        ],
        agencies=[
            REUTERS,
            ag("health ministry|ministry of health|ministry of public health", "Health Ministry", "government", "LB"),
            ag("general security", "General Security", "government", "LB"),
        ],
        opt_agencies=[opt("army"), opt("cabinet"), opt("judiciary")],
        coup="none",
    ),
    dispatch(
        "hf-029",
        "2016-09-27",
        "Colombia and FARC rebels sign peace deal ending 52-year war",
        """CARTAGENA, Colombia (EFE) - Colombian President Juan Manuel Santos and FARC rebel commander Rodrigo Londono signed a peace agreement on Monday to end more than half a century of war, using a pen made from a bullet before world leaders in this Caribbean port city.

"Let us welcome this new dawn of peace," Santos told 2,500 guests dressed in white. Londono, known by his nom de guerre Timochenko, asked the victims of the conflict for forgiveness.

UN Secretary-General Ban Ki-moon, U.S. Secretary of State John Kerry and Cuban President Raul Castro, whose government hosted four years of negotiations in Havana, attended the ceremony along with more than a dozen Latin American heads of state.

Norway and Cuba acted as guarantors of the talks, with Venezuela and Chile accompanying them. "This is what peace looks like," said Norwegian Foreign Minister Borge Brende. Federica Mogherini, the European Union's foreign policy chief, announced that the EU would suspend the FARC from its list of terrorist organisations.

Kerry said Washington would review the group's designation as a foreign terrorist organisation and pledged $390 million in aid next year.

Colombians will vote on the deal in a referendum on Sunday. Polls show the "yes" side ahead, but the "no" campaign led by Senator Alvaro Uribe, a former president, says the deal lets rebels responsible for kidnappings and massacres escape prison. Uribe led a protest in Cartagena during the ceremony.

Humberto de la Calle, the government's chief negotiator, said the agreement was "the best deal possible". A UN political mission will verify the rebels' disarmament.

The war has killed more than 220,000 people and displaced millions.

Farmer Luz Marina Cardenas, 58, who travelled from Meta province and whose brother was kidnapped in 2002, said she would vote yes. "I do not forgive them yet," she said. "But I want my grandchildren to grow up without this."

About 7,000 FARC fighters are due to gather in designated zones and hand over their weapons to the United Nations within six months.""",
        countries="CO US CU NO VE CL",
        officials=[
            off("santos|juan manuel santos", "Juan Manuel Santos", "President", "CO"),
            off("ban ki moon|ban", "Ban Ki-moon", "UN Secretary-General", None),
            off("kerry|john kerry", "John Kerry", "Secretary of State", "US"),
            off("raul castro|castro", "Raul Castro", "President", "CU"),
            off("brende|borge brende", "Borge Brende", "Foreign Minister", "NO"),
            off("mogherini|federica mogherini", "Federica Mogherini", "European Union foreign policy chief", None),
            off("uribe|alvaro uribe", "Alvaro Uribe", "Senator", "CO"),
            off("de la calle|humberto de la calle", "Humberto de la Calle", "chief negotiator", "CO"),
        ],
        agencies=[EFE, UN, EU],
        opt_agencies=[],
        coup="none",
    ),
    dispatch(
        "hf-030",
        "2021-08-18",
        "UAE says it has taken in Afghanistan's Ghani 'on humanitarian grounds'",
        """DUBAI (Reuters) - The United Arab Emirates said on Wednesday it had welcomed Afghan President Ashraf Ghani and his family on humanitarian grounds, ending speculation about his whereabouts three days after he fled Kabul as the Taliban entered the city.

The Emirati foreign ministry confirmed his presence in a brief statement carried by the state news agency WAM, without saying where in the UAE he was staying.

Ghani said in a video posted on Facebook that he had left to prevent bloodshed and denied reports that he had taken large sums of cash. "I was expelled from Afghanistan in such a way that I did not even get the chance to take my slippers off," he said. He said he was in talks to return.

His first vice president, Amrullah Saleh, has declared himself the country's caretaker president. Former President Hamid Karzai and Abdullah Abdullah, who led the government's peace council, met senior Taliban leader Anas Haqqani in Kabul on Wednesday, a Taliban official said.

At the Taliban's first news conference on Tuesday, spokesman Zabihullah Mujahid promised an amnesty for former officials and said women would be allowed to work "within the framework of Islam".

In Washington, President Joe Biden said U.S. troops could stay beyond the Aug. 31 deadline if needed to evacuate Americans. Pentagon press secretary John Kirby said about 2,000 people had been flown out in the past day. General Frank McKenzie, head of U.S. Central Command, met Taliban leaders in Doha on Sunday to agree safe passage to the airport, officials said.

Thousands of Afghans crowded outside the airport gates. Ahmad Danish, a 27-year-old shopkeeper who once sold phones to foreign soldiers, said he had been waiting with his papers for two days. "My shop is closed, my friends are gone," Danish said. "I have a letter from my employer, but nobody at the gate reads letters."

Qatar, which hosts the Taliban's political office, has urged a peaceful transfer of power.""",
        countries="AE AF US QA",
        officials=[
            off("biden|joe biden", "Joe Biden", "President", "US"),
            off("kirby|john kirby", "John Kirby", "Pentagon press secretary", "US"),
            off("mckenzie|frank mckenzie", "Frank McKenzie", "head of U.S. Central Command", "US"),
        ],
        opt_officials=[
            opt("ghani|ashraf ghani"),
            opt("saleh|amrullah saleh"),
            opt("karzai|hamid karzai"),
            opt("abdullah abdullah|abdullah"),
            opt("anas haqqani|haqqani"),
            opt("mujahid|zabihullah mujahid"),
        ],
        agencies=[REUTERS, WAM, foreign_ministry("AE"), PENTAGON, CENTCOM],
        opt_agencies=[opt("taliban"), opt("political office"), opt("peace council")],
        coup="none",
    ),
]


if __name__ == "__main__":
    out = HERE.parent / "heldout-fresh.jsonl"
    with open(out, "w", encoding="utf-8") as handle:
        for record in DISPATCHES:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{out.name}: {len(DISPATCHES)} dispatches")
