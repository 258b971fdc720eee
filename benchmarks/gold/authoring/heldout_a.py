from helpers import *  # noqa: F403

DISPATCHES = [
    dispatch(
        "ho-001",
        "2023-08-18",
        "West African defence chiefs agree 'D-day' for possible Niger intervention",
        """ACCRA (Reuters) - West African defence chiefs said on Friday they had agreed on a "D-day" for a possible military intervention to reverse the coup in Niger, if diplomatic efforts fail, though they did not disclose the date.

"We are ready to go any time the order is given," ECOWAS commissioner for political affairs, peace and security Abdel-Fatau Musah told reporters at the end of a two-day meeting in Ghana's capital. Nigeria's Chief of Defence Staff, General Christopher Musa, said the standby force would be led by Nigerian troops.

Niger's military rulers, who detained President Mohamed Bazoum on July 26, have warned that any attack would be met with force. Their appointed prime minister, Ali Mahamane Lamine Zeine, visited neighbouring Chad this week to seek support.

Mali and Burkina Faso, also run by soldiers, have said an intervention in Niger would be a "declaration of war" against them.

The European Union and the United States back ECOWAS diplomacy. U.S. Deputy Secretary of State Victoria Nuland held talks with the coup leaders in Niamey this month.

Nigerian trader Aminu Bello, who sells onions across the border in Maradi, said both countries would suffer. "Niger and Nigeria are one family," he said.""",
        countries="NE NG GH TD ML BF US",
        opt_countries="",
        officials=[
            off(
                "musah|abdel fatau musah",
                "Abdel-Fatau Musah",
                "ECOWAS commissioner for political affairs, peace and security",
                None,
            ),
            off("christopher musa|musa", "Christopher Musa", "Chief of Defence Staff", "NG"),
            off("bazoum", "Mohamed Bazoum", "President", "NE"),
            off("zeine|lamine zeine", "Ali Mahamane Lamine Zeine", "prime minister", "NE"),
            off("nuland", "Victoria Nuland", "Deputy Secretary of State", "US"),
        ],
        agencies=[REUTERS, ECOWAS, EU],
        opt_agencies=[opt("standby force")],
        coup="current",
    ),
    dispatch(
        "ho-002",
        "2024-02-20",
        "Guinea junta leader dissolves government, seizes ministers' passports",
        """CONAKRY (AFP) - Guinea's military leader Colonel Mamady Doumbouya dissolved the government on Monday without explanation, and ordered ministers to hand in their passports and official vehicles, the presidency said.

General Amara Camara, secretary-general of the presidency, announced the decision in a video posted on social media. Ministers' bank accounts were frozen, and their chief of staff will run day-to-day affairs until a new government is named.

Doumbouya has ruled the West African country since seizing power in a September 2021 coup that toppled President Alpha Conde. Under pressure from the Economic Community of West African States, the junta promised to hand power to civilians by the end of this year.

Prime Minister Bernard Goumou, who led the outgoing government, was expected to be reappointed, state media said.

Guinea, the world's largest exporter of bauxite, is not to be confused with its neighbour Guinea-Bissau, whose President Umaro Sissoco Embalo dissolved parliament in December after what he called an attempted coup.

Unions began a general strike on Monday over high prices and internet restrictions. Conakry taxi driver Mamadou Bah said: "We want food, not new ministers.\"""",
        countries="GN GW",
        officials=[
            off("doumbouya", "Mamady Doumbouya", "military leader", "GN"),
            off("amara camara|camara", "Amara Camara", "secretary-general of the presidency", "GN"),
            off("goumou|bernard goumou", "Bernard Goumou", "Prime Minister", "GN"),
            off("embalo|sissoco embalo", "Umaro Sissoco Embalo", "President", "GW"),
        ],
        opt_officials=[opt("conde|alpha conde")],
        agencies=[AFP, ECOWAS],
        opt_agencies=[opt("government"), opt("presidency"), opt("parliament"), opt("state media")],
        coup="historical",
    ),
    dispatch(
        "ho-003",
        "2023-12-01",
        "Guinea-Bissau president calls overnight clashes 'attempted coup'",
        """BISSAU (AP) - Guinea-Bissau's President Umaro Sissoco Embalo said on Saturday that overnight clashes between the National Guard and presidential special forces in the capital were an attempted coup, and that those behind it "will pay a heavy price".

Embalo, who was in Dubai for the COP28 climate summit when the fighting broke out, returned to Bissau and told reporters the attack had been planned "for a long time". At least two people were killed.

The clashes began after National Guard soldiers freed Finance Minister Souleiman Seidi and Treasury Secretary Antonio Monteiro from police custody, where they were being questioned about the withdrawal of $10 million from state accounts.

National Guard commander Colonel Victor Tchongo was arrested, army spokesman Lieutenant Colonel Samuel Fernandes said.

The Economic Community of West African States "strongly condemned the violence and attempts to disrupt constitutional order". Portugal, the former colonial power, called for calm, Portuguese Foreign Minister Joao Gomes Cravinho said.

Guinea-Bissau has had more than ten coups or attempted coups since independence. Cashew farmer Domingos Sa said he had heard shooting all night.""",
        countries="GW PT",
        opt_countries="AE",
        officials=[
            off("embalo|sissoco embalo", "Umaro Sissoco Embalo", "President", "GW"),
            off("seidi|souleiman seidi", "Souleiman Seidi", "Finance Minister", "GW"),
            off("monteiro|antonio monteiro", "Antonio Monteiro", "Treasury Secretary", "GW"),
            off("tchongo|victor tchongo", "Victor Tchongo", "National Guard commander", "GW"),
            off("samuel fernandes|fernandes", "Samuel Fernandes", "army spokesman", "GW"),
            off("cravinho|gomes cravinho", "Joao Gomes Cravinho", "Foreign Minister", "PT"),
        ],
        agencies=[AP, ECOWAS, ag("national guard", "National Guard", "military", "GW")],
        opt_agencies=[opt("special forces|presidential special forces"), opt("police"), opt("army")],
        coup="current",
    ),
    dispatch(
        "ho-004",
        "2024-10-27",
        "Georgia's ruling party wins disputed election; president says it was stolen",
        """TBILISI (Reuters) - Georgia's ruling Georgian Dream party won 54 percent of the vote in Saturday's parliamentary election, the Central Election Commission said, but pro-Western President Salome Zourabichvili refused to recognise the result, calling it a "Russian special operation".

Observers from the Organization for Security and Co-operation in Europe said the vote was marred by intimidation, vote buying and double voting.

Prime Minister Irakli Kobakhidze said the result showed Georgians had chosen "peace and stability". Hungarian Prime Minister Viktor Orban, who congratulated the party before official results were out, will visit Tbilisi on Monday.

The Kremlin denied interfering. Spokesman Dmitry Peskov said it was Western countries that were trying to meddle in Georgia's affairs.

European Council President Charles Michel called for an investigation of "irregularities". The U.S. State Department urged Georgian leaders to "respect the rule of law".

Opposition leader Nika Melia, of the Coalition for Change, said the opposition would not take up its seats.

In Tbilisi, student Mariam Kapanadze, 20, said: "Our future is in Europe, not in Russia.\"""",
        countries="GE RU HU US",
        officials=[
            off("zourabichvili", "Salome Zourabichvili", "President", "GE"),
            off("kobakhidze", "Irakli Kobakhidze", "Prime Minister", "GE"),
            off("orban", "Viktor Orban", "Prime Minister", "HU"),
            off("peskov", "Dmitry Peskov", "Kremlin spokesman", "RU"),
            off("michel|charles michel", "Charles Michel", "European Council President", None),
        ],
        opt_officials=[opt("melia|nika melia")],
        agencies=[
            REUTERS,
            ag(
                "central election commission|election commission|electoral commission|cec",
                "Central Election Commission",
                "government",
                "GE",
            ),
            ag("organization for security and co operation in europe|osce", "OSCE", "international", None),
            ag("european council", "European Council", "international", None),
            STATE_DEPT,
        ],
        opt_agencies=[opt("georgian dream"), opt("kremlin"), opt("coalition for change")],
        coup="none",
    ),
    dispatch(
        "ho-005",
        "2023-08-15",
        "Trump indicted in Georgia over efforts to overturn 2020 election",
        """ATLANTA (AP) - A grand jury in Georgia indicted former President Donald Trump and 18 others on Monday on charges of conspiring to overturn his 2020 election defeat in the state, the fourth criminal case against the Republican front-runner.

Fulton County District Attorney Fani Willis used the state's racketeering law, usually applied to gang members. She gave the defendants until Aug. 25 to surrender voluntarily. Superior Court Judge Scott McAfee was assigned the case.

Among those charged are former White House chief of staff Mark Meadows and Trump's former lawyer Rudy Giuliani.

The indictment cites Trump's January 2021 phone call asking Georgia Secretary of State Brad Raffensperger to "find 11,780 votes". Georgia Gov. Brian Kemp, a Republican, has defended the integrity of the state's election.

Trump called Willis "rabid" and the case "a witch hunt". His campaign said it was an attempt to interfere in the 2024 election.

Outside the courthouse, retired teacher Jordan Miles, 67, held a sign that read "Nobody is above the law". Supporter Chad Baker, a truck driver from Macon, said: "They just want to stop him.\"""",
        countries="US",
        officials=[
            off("willis|fani willis", "Fani Willis", "District Attorney", "US"),
            off("mcafee", "Scott McAfee", "Superior Court Judge", "US"),
            off("raffensperger", "Brad Raffensperger", "Secretary of State", "US"),
            off("kemp", "Brian Kemp", "Governor", "US"),
        ],
        opt_officials=[opt("trump"), opt("meadows"), opt("giuliani")],
        agencies=[AP],
        opt_agencies=[opt("white house"), opt("grand jury")],
        coup="none",
    ),
    dispatch(
        "ho-006",
        "2024-05-10",
        "Chad's Mahamat Idriss Deby declared winner of presidential vote",
        """N'DJAMENA (AFP) - Chad's transitional president Mahamat Idriss Deby won the presidential election with 61 percent of the vote, the election agency ANGE said on Thursday, a result disputed by his main rival, Prime Minister Succes Masra.

Masra, a former opposition leader who was appointed prime minister in January, said he had won and called on Chadians to "mobilise peacefully". Security forces fired into the air in N'Djamena as Deby's supporters celebrated.

ANGE president Ahmed Bartchiret said turnout was 75.89 percent. Deby, 40, took power in 2021 after his father was killed fighting rebels, in what opponents called an institutional coup.

France, which has about 1,000 troops in Chad, said it had "taken note" of the results. U.S. ambassador Alexander Laskaris urged all sides to respect "the will of the Chadian people". The United States withdrew some of its special forces from the country last month.

The African Union observer mission said the vote was held in calm conditions.

"Chad has the chance to show the Sahel a different path," said Chad Smith, an American analyst at a Washington consultancy. N'Djamena student Abakar Mahamat said young people wanted jobs.""",
        countries="TD FR US",
        officials=[
            off("mahamat idriss deby|deby", "Mahamat Idriss Deby", "transitional president", "TD"),
            off("masra|succes masra", "Succes Masra", "Prime Minister", "TD"),
            off("bartchiret", "Ahmed Bartchiret", "ANGE president", "TD"),
            off("laskaris", "Alexander Laskaris", "ambassador", "US"),
        ],
        agencies=[AFP, ag("ange", "ANGE", "government", "TD"), AU],
        opt_agencies=[
            opt("security forces"),
            opt("special forces"),
            opt("african union observer mission|observer mission"),
        ],
        coup="historical",
    ),
    dispatch(
        "ho-007",
        "2019-09-28",
        "Afghans vote amid Taliban attacks; turnout low",
        """KABUL (Reuters) - Afghans voted on Saturday in a presidential election marred by Taliban attacks on polling stations and low turnout, with President Ashraf Ghani seeking a second term against his government partner, Chief Executive Abdullah Abdullah.

Interior Ministry spokesman Najib Danish said security forces had foiled dozens of attacks but that several voters and soldiers had been killed. Danish said 72,000 troops guarded polling centres.

Independent Election Commission chairwoman Hawa Alam Nuristani said preliminary results would be announced on Oct. 19. Many voters complained that their names were missing from voter lists.

The Taliban had warned Afghans to stay away. U.S. peace talks with the insurgents collapsed this month after President Donald Trump called off a planned meeting at Camp David.

The NATO-led Resolute Support mission said Afghan forces were in the lead on security. Danish Foreign Minister Jeppe Kofod, whose country has troops in the mission, said in Copenhagen that the vote was "a brave act by the Afghan people".

Shopkeeper Gul Agha in Kandahar said he voted despite the threats. "If we don't vote, who will decide for us?\"""",
        countries="AF US DK",
        officials=[
            off("ghani", "Ashraf Ghani", "President", "AF"),
            off("abdullah abdullah|abdullah", "Abdullah Abdullah", "Chief Executive", "AF"),
            off("najib danish|danish", "Najib Danish", "Interior Ministry spokesman", "AF"),
            off(
                "nuristani|hawa alam nuristani",
                "Hawa Alam Nuristani",
                "Independent Election Commission chairwoman",
                "AF",
            ),
            off("trump", "Donald Trump", "President", "US"),
            off("kofod", "Jeppe Kofod", "Foreign Minister", "DK"),
        ],
        agencies=[
            REUTERS,
            interior_ministry("AF"),
            ag(
                "independent election commission|election commission|electoral commission",
                "Independent Election Commission",
                "government",
                "AF",
            ),
            NATO,
            ag("resolute support", "Resolute Support", "military", None),
        ],
        opt_agencies=[opt("taliban"), opt("security forces"), opt("afghan forces")],
        coup="none",
    ),
    dispatch(
        "ho-008",
        "2022-11-30",
        "Turkey farmers warn of Christmas shortages as bird flu spreads in Britain",
        """LONDON (Reuters) - Turkey farmers in Britain warned on Wednesday of Christmas shortages after the country's worst-ever outbreak of bird flu led to the culling of more than a million birds.

Turkey and goose production for the festive season had been cut by a third, the British Poultry Council said. Free-range turkeys have been hit hardest, as housing orders forced birds indoors.

The UK's Chief Veterinary Officer, Christine Middlemiss, said the risk to people was very low and the measures were needed "to protect flocks". Environment Secretary Therese Coffey said supermarkets had assured the government there would be enough turkeys on shelves.

Mark Gorton, a turkey farmer in Norfolk who lost 10,000 birds, said the autumn had been "devastating". "We have never seen anything like this," he said.

The Department for Environment, Food and Rural Affairs said compensation would be paid from the start of the outbreak rather than at the end.

Imports from France and Poland, which are also battling outbreaks, are unlikely to fill the gap, traders said. Shopper Linda Price, in Manchester, said she would buy a chicken instead.""",
        countries="GB FR PL",
        officials=[
            off("middlemiss", "Christine Middlemiss", "Chief Veterinary Officer", "GB"),
            off("coffey|therese coffey", "Therese Coffey", "Environment Secretary", "GB"),
        ],
        agencies=[
            REUTERS,
            ag(
                "department for environment food and rural affairs|defra",
                "Department for Environment, Food and Rural Affairs",
                "government",
                "GB",
            ),
        ],
        opt_agencies=[opt("british poultry council"), opt("government")],
        coup="none",
    ),
    dispatch(
        "ho-009",
        "2023-11-22",
        "North Korea says it put spy satellite in orbit; Seoul suspends military pact",
        """SEOUL (Yonhap) - North Korea said on Wednesday it had successfully placed its first military spy satellite in orbit, prompting South Korea to suspend part of a 2018 inter-Korean agreement aimed at reducing tensions along the border.

The Korean Central News Agency said leader Kim Jong Un observed the launch from the Sohae station and that the satellite, Malligyong-1, would begin its reconnaissance mission on Dec. 1.

South Korea's Joint Chiefs of Staff said it was still assessing whether the satellite was working. South Korean Defense Minister Shin Won-sik said the North had likely received Russian technical help after Kim met President Vladimir Putin in September.

Prime Minister Han Duck-soo said the cabinet had voted to restore aerial surveillance along the border. The North Korean defence ministry said it would "never be bound" by the pact.

Japanese Prime Minister Fumio Kishida said Tokyo had lodged a protest through diplomatic channels in Beijing. The U.S. National Security Council said the launch violated UN Security Council resolutions.

South Korean fisherman Lee Dong-hyun, on Yeonpyeong island, said he was used to tension. "We hear about missiles every month," he said.""",
        countries="KP KR RU JP US",
        opt_countries="CN",
        officials=[
            off("kim jong un", "Kim Jong Un", "leader", "KP"),
            off("shin won sik", "Shin Won-sik", "Defense Minister", "KR"),
            off("putin", "Vladimir Putin", "President", "RU"),
            off("han duck soo", "Han Duck-soo", "Prime Minister", "KR"),
            off("kishida", "Fumio Kishida", "Prime Minister", "JP"),
        ],
        agencies=[
            YONHAP,
            KCNA,
            ag("joint chiefs of staff|jcs", "Joint Chiefs of Staff", "military", "KR"),
            defence_ministry("KP", "North Korean defence ministry"),
            ag("national security council", "National Security Council", "government", "US"),
            UNSC,
        ],
        opt_agencies=[opt("cabinet"), UN_OPT],
        coup="none",
    ),
    dispatch(
        "ho-010",
        "2024-03-20",
        "South Sudan's oil exports halted by pipeline rupture in war-torn Sudan",
        """JUBA (Reuters) - South Sudan's oil exports, the main source of government revenue, have been disrupted by a rupture in the pipeline that carries its crude through neighbouring Sudan to Port Sudan on the Red Sea, officials said on Wednesday.

Government spokesman Michael Makuei Lueth said the damage was in an area of Sudan's White Nile state contested between the Sudanese army and the paramilitary Rapid Support Forces, making repairs "extremely difficult".

South Sudan became independent from Sudan in 2011 but depends on its northern neighbour's infrastructure to export oil. President Salva Kiir's government has not paid civil servants for months.

In Port Sudan, where Sudan's army-aligned government is based, Energy Minister Mohieldin Naim said engineers were trying to reach the site.

The UN Mission in South Sudan (UNMISS) warned that the loss of revenue could delay elections planned for December. The International Monetary Fund said last month the country's economy would contract.

Juba market trader Nyandeng Deng said the South Sudanese pound had lost half its value. "Sugar costs double what it did in January," she said.""",
        countries="SS SD",
        officials=[
            off("makuei|makuei lueth", "Michael Makuei Lueth", "Government spokesman", "SS"),
            off("kiir|salva kiir", "Salva Kiir", "President", "SS"),
            off("mohieldin naim|naim", "Mohieldin Naim", "Energy Minister", "SD"),
        ],
        agencies=[
            REUTERS,
            ag("unmiss|un mission in south sudan", "UNMISS", "international", None),
            ag("international monetary fund|imf", "International Monetary Fund", "international", None),
        ],
        opt_agencies=[opt("rapid support forces"), opt("army|sudanese army"), opt("government"), UN_OPT],
        coup="none",
    ),
]
