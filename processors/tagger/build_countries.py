"""Generate processors/kb/countries.json from pycountry plus curated news aliases.

Run once when the curated tables below change:
    .venv/bin/python -m wirewatch.processors.tagger.build_countries
The JSON file is the versioned artefact the tagger loads; this script only explains where it came from.
"""

from __future__ import annotations

import json
import pathlib
import re
from typing import Any

import pycountry
import pycountry.db

OUT = pathlib.Path(__file__).resolve().parent.parent / "kb" / "countries.json"

# code -> (extra names/abbreviations, demonyms/adjectives, capitals and seats of power used as metonyms)
# Curated by hand for news-wire usage. Ambiguous words are left out on purpose (e.g. "Korean", "Congo" alone
# are handled by the engine's context rules, "Male" (Maldives) and "Victoria" are too common to be metonyms).
CURATED: dict[str, tuple[list[str], list[str], list[str]]] = {
    "AF": (["Afghanistan"], ["Afghan", "Afghans"], ["Kabul"]),
    "AL": ([], ["Albanian", "Albanians"], ["Tirana"]),
    "DZ": ([], ["Algerian", "Algerians"], ["Algiers"]),
    "AD": ([], ["Andorran"], []),
    "AO": ([], ["Angolan", "Angolans"], ["Luanda"]),
    "AG": (["Antigua"], ["Antiguan"], []),
    "AR": ([], ["Argentine", "Argentinian", "Argentines", "Argentinians"], ["Buenos Aires", "Casa Rosada"]),
    "AM": ([], ["Armenian", "Armenians"], ["Yerevan"]),
    "AU": ([], ["Australian", "Australians"], ["Canberra"]),
    "AT": ([], ["Austrian", "Austrians"], ["Vienna"]),
    "AZ": ([], ["Azerbaijani", "Azeri", "Azerbaijanis", "Azeris"], ["Baku"]),
    "BS": (["The Bahamas"], ["Bahamian"], ["Nassau"]),
    "BH": ([], ["Bahraini", "Bahrainis"], ["Manama"]),
    "BD": ([], ["Bangladeshi", "Bangladeshis"], ["Dhaka"]),
    "BB": ([], ["Barbadian"], ["Bridgetown"]),
    "BY": (["Belarus"], ["Belarusian", "Belarusians", "Belarussian"], ["Minsk"]),
    "BE": ([], ["Belgian", "Belgians"], ["Brussels"]),
    "BZ": ([], ["Belizean"], ["Belmopan"]),
    "BJ": ([], ["Beninese", "Beninois"], ["Porto-Novo", "Cotonou"]),
    "BT": ([], ["Bhutanese"], ["Thimphu"]),
    "BO": (["Bolivia"], ["Bolivian", "Bolivians"], ["La Paz", "Sucre"]),
    "BA": (["Bosnia", "Bosnia-Herzegovina", "Bosnia and Herzegovina"], ["Bosnian", "Bosnians"], ["Sarajevo"]),
    "BW": ([], ["Botswanan", "Motswana", "Batswana"], ["Gaborone"]),
    "BR": ([], ["Brazilian", "Brazilians"], ["Brasilia", "Planalto"]),
    "BN": (["Brunei"], ["Bruneian"], ["Bandar Seri Begawan"]),
    "BG": ([], ["Bulgarian", "Bulgarians"], ["Sofia"]),
    "BF": ([], ["Burkinabe", "Burkinabé"], ["Ouagadougou"]),
    "BI": ([], ["Burundian", "Burundians"], ["Bujumbura", "Gitega"]),
    "CV": (["Cape Verde"], ["Cape Verdean"], []),
    "KH": ([], ["Cambodian", "Cambodians"], ["Phnom Penh"]),
    "CM": ([], ["Cameroonian", "Cameroonians"], ["Yaounde", "Yaoundé"]),
    "CA": ([], ["Canadian", "Canadians"], ["Ottawa"]),
    "CF": ([], [], ["Bangui"]),
    "TD": ([], ["Chadian", "Chadians"], ["N'Djamena", "Ndjamena"]),
    "CL": ([], ["Chilean", "Chileans"], ["Santiago"]),
    "CN": (["People's Republic of China", "PRC", "mainland China"], ["Chinese"], ["Beijing", "Zhongnanhai"]),
    "CO": ([], ["Colombian", "Colombians"], ["Bogota", "Bogotá"]),
    "KM": ([], ["Comorian"], ["Moroni"]),
    "CG": (
        ["Republic of Congo", "Republic of the Congo", "Congo Republic", "Congo-Brazzaville", "Congo Brazzaville"],
        ["Congolese (Brazzaville)"],
        ["Brazzaville"],
    ),
    "CD": (
        [
            "Democratic Republic of Congo",
            "Democratic Republic of the Congo",
            "DR Congo",
            "DRC",
            "D.R. Congo",
            "Congo-Kinshasa",
            "DR of Congo",
        ],
        ["Congolese"],
        ["Kinshasa"],
    ),
    "CR": ([], ["Costa Rican", "Costa Ricans"], ["San Jose"]),
    "CI": (
        ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"],
        ["Ivorian", "Ivorians"],
        ["Abidjan", "Yamoussoukro"],
    ),
    "HR": ([], ["Croatian", "Croat", "Croats", "Croatians"], ["Zagreb"]),
    "CU": ([], ["Cuban", "Cubans"], ["Havana"]),
    "CY": ([], ["Cypriot", "Cypriots"], ["Nicosia"]),
    "CZ": (["Czech Republic", "Czechia"], ["Czech", "Czechs"], ["Prague"]),
    "DK": ([], ["Danish", "Dane", "Danes"], ["Copenhagen"]),
    "DJ": ([], ["Djiboutian"], []),
    "DM": ([], ["Dominican (Dominica)"], ["Roseau"]),
    "DO": ([], ["Dominican", "Dominicans"], ["Santo Domingo"]),
    "EC": ([], ["Ecuadorian", "Ecuadorean", "Ecuadorians"], ["Quito"]),
    "EG": ([], ["Egyptian", "Egyptians"], ["Cairo"]),
    "SV": ([], ["Salvadoran", "Salvadorans"], ["San Salvador"]),
    "GQ": ([], ["Equatorial Guinean", "Equatoguinean"], ["Malabo"]),
    "ER": ([], ["Eritrean", "Eritreans"], ["Asmara"]),
    "EE": ([], ["Estonian", "Estonians"], ["Tallinn"]),
    "SZ": (["Swaziland"], ["Swazi", "Eswatini"], ["Mbabane"]),
    "ET": ([], ["Ethiopian", "Ethiopians"], ["Addis Ababa"]),
    "FJ": ([], ["Fijian", "Fijians"], ["Suva"]),
    "FI": ([], ["Finnish", "Finn", "Finns"], ["Helsinki"]),
    "FR": ([], ["French"], ["Paris", "the Elysee", "Élysée Palace", "Elysee Palace", "the Élysée"]),
    "GA": ([], ["Gabonese"], ["Libreville"]),
    "GM": (["The Gambia"], ["Gambian", "Gambians"], ["Banjul"]),
    "GE": ([], ["Georgian", "Georgians"], ["Tbilisi"]),
    "DE": ([], ["German", "Germans"], ["Berlin"]),
    "GH": ([], ["Ghanaian", "Ghanaians"], ["Accra"]),
    "GR": ([], ["Greek", "Greeks"], ["Athens"]),
    "GD": ([], ["Grenadian"], []),
    "GT": ([], ["Guatemalan", "Guatemalans"], ["Guatemala City"]),
    "GN": (["Guinea-Conakry"], ["Guinean", "Guineans"], ["Conakry"]),
    "GW": (["Guinea Bissau"], ["Bissau-Guinean", "Bissau-Guineans"], ["Bissau"]),
    "GY": ([], ["Guyanese"], ["Georgetown"]),
    "HT": ([], ["Haitian", "Haitians"], ["Port-au-Prince"]),
    "HN": ([], ["Honduran", "Hondurans"], ["Tegucigalpa"]),
    "HU": ([], ["Hungarian", "Hungarians"], ["Budapest"]),
    "IS": ([], ["Icelandic", "Icelander", "Icelanders"], ["Reykjavik"]),
    "IN": ([], ["Indian", "Indians"], ["New Delhi"]),
    "ID": ([], ["Indonesian", "Indonesians"], ["Jakarta"]),
    "IR": (["Islamic Republic of Iran", "Persia"], ["Iranian", "Iranians"], ["Tehran", "Teheran"]),
    "IQ": ([], ["Iraqi", "Iraqis"], ["Baghdad"]),
    "IE": (["Ireland", "Republic of Ireland"], ["Irish"], ["Dublin"]),
    "IL": ([], ["Israeli", "Israelis"], ["Jerusalem"]),
    "IT": ([], ["Italian", "Italians"], ["Rome"]),
    "JM": ([], ["Jamaican", "Jamaicans"], ["Kingston"]),
    "JP": ([], ["Japanese"], ["Tokyo"]),
    "JO": ([], ["Jordanian", "Jordanians"], ["Amman"]),
    "KZ": ([], ["Kazakh", "Kazakhstani", "Kazakhs"], ["Astana", "Almaty"]),
    "KE": ([], ["Kenyan", "Kenyans"], ["Nairobi"]),
    "KI": ([], ["I-Kiribati"], ["Tarawa"]),
    "KP": (
        ["North Korea", "DPRK", "Democratic People's Republic of Korea", "D.P.R.K."],
        ["North Korean", "North Koreans"],
        ["Pyongyang"],
    ),
    "KR": (["South Korea", "Republic of Korea", "ROK"], ["South Korean", "South Koreans"], ["Seoul"]),
    "XK": ([], ["Kosovar", "Kosovan", "Kosovars"], ["Pristina", "Prishtina"]),
    "KW": ([], ["Kuwaiti", "Kuwaitis"], ["Kuwait City"]),
    "KG": (["Kyrgyzstan", "Kirghizia"], ["Kyrgyz"], ["Bishkek"]),
    "LA": (["Laos"], ["Lao", "Laotian", "Laotians"], ["Vientiane"]),
    "LV": ([], ["Latvian", "Latvians"], ["Riga"]),
    "LB": ([], ["Lebanese"], ["Beirut"]),
    "LS": ([], ["Basotho", "Mosotho"], ["Maseru"]),
    "LR": ([], ["Liberian", "Liberians"], ["Monrovia"]),
    "LY": ([], ["Libyan", "Libyans"], ["Tripoli"]),
    "LI": ([], ["Liechtensteiner"], ["Vaduz"]),
    "LT": ([], ["Lithuanian", "Lithuanians"], ["Vilnius"]),
    "LU": ([], ["Luxembourgish", "Luxembourger"], []),
    "MG": ([], ["Malagasy"], ["Antananarivo"]),
    "MW": ([], ["Malawian", "Malawians"], ["Lilongwe"]),
    "MY": ([], ["Malaysian", "Malaysians"], ["Kuala Lumpur", "Putrajaya"]),
    "MV": (["Maldives"], ["Maldivian", "Maldivians"], []),
    "ML": ([], ["Malian", "Malians"], ["Bamako"]),
    "MT": ([], ["Maltese"], ["Valletta"]),
    "MH": ([], ["Marshallese"], ["Majuro"]),
    "MR": ([], ["Mauritanian", "Mauritanians"], ["Nouakchott"]),
    "MU": ([], ["Mauritian", "Mauritians"], ["Port Louis"]),
    "MX": ([], ["Mexican", "Mexicans"], ["Mexico City"]),
    "FM": (["Micronesia"], ["Micronesian"], ["Palikir"]),
    "MD": (["Moldova"], ["Moldovan", "Moldovans"], ["Chisinau", "Chișinău"]),
    "MC": ([], ["Monegasque"], []),
    "MN": ([], ["Mongolian", "Mongolians"], ["Ulaanbaatar", "Ulan Bator"]),
    "ME": ([], ["Montenegrin", "Montenegrins"], ["Podgorica"]),
    "MA": ([], ["Moroccan", "Moroccans"], ["Rabat"]),
    "MZ": ([], ["Mozambican", "Mozambicans"], ["Maputo"]),
    "MM": (["Burma", "Myanmar"], ["Burmese", "Myanmar's"], ["Naypyitaw", "Naypyidaw", "Nay Pyi Taw"]),
    "NA": ([], ["Namibian", "Namibians"], ["Windhoek"]),
    "NR": ([], ["Nauruan"], []),
    "NP": ([], ["Nepali", "Nepalese"], ["Kathmandu"]),
    "NL": (["Holland", "The Netherlands"], ["Dutch"], ["Amsterdam", "The Hague"]),
    "NZ": ([], ["New Zealander", "New Zealanders"], ["Wellington"]),
    "NI": ([], ["Nicaraguan", "Nicaraguans"], ["Managua"]),
    "NE": ([], ["Nigerien", "Nigeriens"], ["Niamey"]),
    "NG": (["Niger Delta", "Niger State"], ["Nigerian", "Nigerians"], ["Abuja"]),  # Niger State: a state of Nigeria
    "MK": (["North Macedonia", "Macedonia"], ["Macedonian", "North Macedonian"], ["Skopje"]),
    "NO": ([], ["Norwegian", "Norwegians"], ["Oslo"]),
    "OM": ([], ["Omani", "Omanis"], ["Muscat"]),
    "PK": ([], ["Pakistani", "Pakistanis"], ["Islamabad"]),
    "PW": ([], ["Palauan"], []),
    "PS": (
        [
            "Palestine",
            "Palestinian territories",
            "Palestinian Territories",
            "West Bank",
            "Gaza",
            "Gaza Strip",
            "State of Palestine",
        ],
        ["Palestinian", "Palestinians"],
        ["Ramallah"],
    ),
    "PA": ([], ["Panamanian", "Panamanians"], ["Panama City"]),
    "PG": (["PNG"], ["Papua New Guinean", "Papua New Guineans"], ["Port Moresby"]),
    "PY": ([], ["Paraguayan", "Paraguayans"], ["Asuncion", "Asunción"]),
    "PE": ([], ["Peruvian", "Peruvians"], ["Lima"]),
    "PH": ([], ["Philippine", "Filipino", "Filipinos", "Filipina"], ["Manila", "Malacanang", "Malacañang"]),
    "PL": ([], ["Polish", "Pole", "Poles"], ["Warsaw"]),
    "PT": ([], ["Portuguese"], ["Lisbon"]),
    "QA": ([], ["Qatari", "Qataris"], ["Doha"]),
    "RO": ([], ["Romanian", "Romanians"], ["Bucharest"]),
    "RU": (["Russia", "Russian Federation"], ["Russian", "Russians"], ["Moscow", "Kremlin", "the Kremlin"]),
    "RW": ([], ["Rwandan", "Rwandans"], ["Kigali"]),
    "KN": (["St Kitts and Nevis", "St. Kitts and Nevis"], ["Kittitian"], ["Basseterre"]),
    "LC": (["St Lucia", "St. Lucia"], ["Saint Lucian"], ["Castries"]),
    "VC": (["St Vincent and the Grenadines", "St. Vincent and the Grenadines"], ["Vincentian"], ["Kingstown"]),
    "WS": ([], ["Samoan", "Samoans"], ["Apia"]),
    "SM": ([], ["Sammarinese"], []),
    "ST": (["Sao Tome and Principe", "São Tomé and Príncipe", "Sao Tome"], ["Santomean"], []),
    "SA": (["Saudi", "KSA"], ["Saudi", "Saudis", "Saudi Arabian"], ["Riyadh"]),
    "SN": ([], ["Senegalese"], ["Dakar"]),
    "RS": ([], ["Serbian", "Serb", "Serbs", "Serbians"], ["Belgrade"]),
    "SC": ([], ["Seychellois"], []),
    "SL": ([], ["Sierra Leonean", "Sierra Leoneans"], ["Freetown"]),
    "SG": ([], ["Singaporean", "Singaporeans"], []),
    "SK": ([], ["Slovak", "Slovakian", "Slovaks"], ["Bratislava"]),
    "SI": ([], ["Slovenian", "Slovene", "Slovenians"], ["Ljubljana"]),
    "SB": ([], ["Solomon Islander"], ["Honiara"]),
    "SO": ([], ["Somali", "Somalis"], ["Mogadishu"]),
    "ZA": ([], ["South African", "South Africans"], ["Pretoria"]),
    "SS": ([], ["South Sudanese"], ["Juba"]),
    "ES": ([], ["Spanish", "Spaniard", "Spaniards"], ["Madrid"]),
    "LK": ([], ["Sri Lankan", "Sri Lankans"], ["Colombo"]),
    "SD": ([], ["Sudanese"], ["Khartoum"]),
    "SR": ([], ["Surinamese"], ["Paramaribo"]),
    "SE": ([], ["Swedish", "Swede", "Swedes"], ["Stockholm"]),
    "CH": ([], ["Swiss"], ["Bern", "Berne"]),
    "SY": (["Syria"], ["Syrian", "Syrians"], ["Damascus"]),
    "TW": (["Taiwan", "Republic of China"], ["Taiwanese"], ["Taipei"]),
    "TJ": ([], ["Tajik", "Tajikistani", "Tajiks"], ["Dushanbe"]),
    "TZ": (["Tanzania"], ["Tanzanian", "Tanzanians"], ["Dodoma", "Dar es Salaam"]),
    "TH": ([], ["Thai"], ["Bangkok"]),
    "TL": (["East Timor", "Timor Leste"], ["Timorese"], ["Dili"]),
    "TG": ([], ["Togolese"], ["Lome", "Lomé"]),
    "TO": ([], ["Tongan", "Tongans"], ["Nuku'alofa"]),
    "TT": (["Trinidad"], ["Trinidadian", "Trinidadians"], ["Port of Spain"]),
    "TN": ([], ["Tunisian", "Tunisians"], ["Tunis"]),
    "TR": (["Turkey", "Türkiye", "Turkiye", "Republic of Türkiye"], ["Turkish", "Turk", "Turks"], ["Ankara"]),
    "TM": ([], ["Turkmen", "Turkmens"], ["Ashgabat"]),
    "TV": ([], ["Tuvaluan"], ["Funafuti"]),
    "UG": ([], ["Ugandan", "Ugandans"], ["Kampala"]),
    "UA": ([], ["Ukrainian", "Ukrainians"], ["Kyiv", "Kiev"]),
    "AE": (["UAE", "U.A.E.", "Emirates"], ["Emirati", "Emiratis"], ["Abu Dhabi"]),
    "GB": (
        ["Britain", "Great Britain", "UK", "U.K.", "United Kingdom"],
        ["British", "Briton", "Britons"],
        ["London", "Downing Street"],
    ),
    "US": (
        ["United States", "United States of America", "US", "U.S.", "USA", "U.S.A.", "America"],
        ["American", "Americans"],
        ["Washington", "White House", "the White House"],
    ),
    "UY": ([], ["Uruguayan", "Uruguayans"], ["Montevideo"]),
    "UZ": ([], ["Uzbek", "Uzbeks"], ["Tashkent"]),
    "VU": ([], ["Ni-Vanuatu"], ["Port Vila"]),
    "VA": (["Vatican", "Holy See", "Vatican City"], [], []),
    "VE": (["Venezuela"], ["Venezuelan", "Venezuelans"], ["Caracas", "Miraflores"]),
    "VN": (["Vietnam", "Viet Nam"], ["Vietnamese"], ["Hanoi"]),
    "YE": ([], ["Yemeni", "Yemenis"], ["Sanaa", "Sana'a"]),
    "ZM": ([], ["Zambian", "Zambians"], ["Lusaka"]),
    "ZW": ([], ["Zimbabwean", "Zimbabweans"], ["Harare"]),
    "HK": ([], ["Hong Konger"], []),
    "SX": (["Sint Maarten"], [], []),
}

# pycountry names that are not how news refers to the place, or that collide with other words.
SKIP_NAMES = {
    "Korea, Republic of",
    "Korea, Democratic People's Republic of",
    "Congo",
    "Congo, The Democratic Republic of the",
    "Georgia",
    "Jordan",
    "Chad",
}
# Names kept but handled by the engine's trap rules (the engine reads "ambiguous" below).
AMBIGUOUS = {
    "Georgia": "GE",
    "Jordan": "JO",
    "Chad": "TD",
    "Danish": "DK",
    "Turkey": "TR",
    "Congo": "CD",
    "Congolese": "CD",
    "Washington": "US",
    "Niger": "NE",
    "Guinea": "GN",
    # In a story from Bissau, "Guinean" is often written for Bissau-Guinean.
    "Guinean": "GN",
    "Guineans": "GN",
    "Chinese": "CN",
    "Indian": "IN",
    "American": "US",
    # capitals that are also given names ("taxi driver Santiago Nsue", "Sofia Rossi")
    "Santiago": "CL",
    "Sofia": "BG",
}


# Display names as English news writes them, where pycountry's differ.
DISPLAY = {
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "TR": "Turkey",
    "PS": "Palestine",
    "KR": "South Korea",
    "KP": "North Korea",
    "GB": "United Kingdom",
    "VA": "Vatican",
    "CZ": "Czech Republic",
    "MM": "Myanmar",
}


def _flip(name: str) -> str:
    """'Iran, Islamic Republic of' -> 'Islamic Republic of Iran'."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        if tail.endswith(" of") or tail.endswith(" of the"):
            return f"{tail} {head}"
        return f"{tail} {head}"
    return name


def _names_for(country: pycountry.db.Country) -> list[str]:
    names: list[str] = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value or value in SKIP_NAMES:
            continue
        value = re.sub(r"\s*\(.*?\)", "", _flip(value)).strip()
        if value and value not in names:
            names.append(value)
    return names


# Datelines of cities that are not capitals ("LAGOS (Reuters) -"): the country a dispatch is about when a rule
# needs one, and only then (a city is not a mention of its country). Cities that host international bodies
# (Geneva, New York, The Hague) are left out: their datelines say where talks are, not whose affairs.
DATELINE_CITIES = {
    "NG": "Lagos Kano Kaduna Maiduguri Ibadan Port Harcourt Jos Enugu Benin City Sokoto Yola",
    "PK": "Karachi Lahore Peshawar Quetta Rawalpindi Multan Faisalabad",
    "IN": "Mumbai Kolkata Chennai Bengaluru Bangalore Hyderabad Ahmedabad Srinagar Lucknow Patna Guwahati Imphal",
    "TR": "Istanbul Izmir Diyarbakir Gaziantep Antalya",
    "ZA": "Johannesburg Durban Cape Town Soweto",
    "BR": "Sao Paulo Rio de Janeiro Belo Horizonte Salvador Recife Porto Alegre Manaus",
    "CN": "Shanghai Guangzhou Shenzhen Wuhan Chengdu Urumqi Lhasa",
    "AE": "Dubai",
    "SA": "Jeddah Mecca Medina Dammam",
    "EG": "Alexandria Port Said Ismailia Suez Sharm el-Sheikh",
    "MA": "Casablanca Marrakesh Tangier Fez",
    "LY": "Benghazi Misrata Sirte Sabha",
    "SY": "Aleppo Homs Hama Latakia Idlib Deir ez-Zor Raqqa Daraa Qamishli",
    "IQ": "Mosul Basra Erbil Kirkuk Najaf Karbala Fallujah Sulaimaniyah",
    "AF": "Kandahar Herat Mazar-i-Sharif Jalalabad Kunduz",
    "BD": "Chittagong Sylhet Khulna",
    "MM": "Mandalay Yangon Myitkyina Sittwe",
    "VN": "Ho Chi Minh City Haiphong Da Nang",
    "PH": "Cebu Davao Zamboanga Marawi",
    "ID": "Surabaya Medan Bandung Makassar Jayapura Denpasar",
    "JP": "Osaka Kyoto Yokohama Fukushima Hiroshima Nagasaki",
    "KR": "Busan Incheon Gwangju",
    "KZ": "Almaty",
    "RU": "St Petersburg St. Petersburg Novosibirsk Yekaterinburg Kazan Vladivostok Sochi",
    "UA": "Kharkiv Odesa Odessa Lviv Dnipro Zaporizhzhia Mykolaiv Kherson Sumy Chernihiv Poltava",
    "IT": "Milan Naples Turin Palermo Florence Venice Genoa",
    "ES": "Barcelona Seville Bilbao",
    "FR": "Marseille Lyon Toulouse Nice Strasbourg Bordeaux",
    "DE": "Munich Frankfurt Hamburg Cologne Dresden Leipzig",
    "NL": "Rotterdam",
    "BE": "Antwerp",
    "PL": "Gdansk Krakow Wroclaw",
    "US": "Los Angeles Chicago Houston Miami San Francisco Boston Atlanta Seattle",
    "CA": "Toronto Montreal Vancouver Calgary",
    "MX": "Guadalajara Monterrey Tijuana Ciudad Juarez Culiacan Acapulco",
    "CO": "Medellin Cali Cartagena Barranquilla",
    "EC": "Guayaquil",
    "AR": "Cordoba Rosario Mendoza",
    "BO": "Santa Cruz Cochabamba",
    "CL": "Valparaiso Concepcion",
    "KE": "Mombasa Kisumu",
    "TZ": "Zanzibar Arusha Mwanza",
    "CD": "Goma Bukavu Lubumbashi Kisangani Beni Bunia",
    "CM": "Douala",
    "CI": "Abidjan Bouake",
    "ML": "Timbuktu Gao Mopti Kidal",
    "NE": "Agadez Zinder Maradi Tillaberi Diffa",
    "BF": "Bobo-Dioulasso",
    "GH": "Kumasi Tamale",
    "TN": "Sfax Sousse",
    "DZ": "Oran Constantine",
    "SD": "Port Sudan Omdurman El Fasher Nyala El Obeid",
    "ET": "Mekelle Bahir Dar Gondar",
    "SO": "Kismayo Baidoa Hargeisa",
    "PS": "Gaza Gaza City Khan Younis Rafah Ramallah Hebron Nablus Jenin",
    "IL": "Tel Aviv Haifa Beersheba",
    "YE": "Aden Hodeidah Taiz Marib",
    "IR": "Mashhad Isfahan Tabriz Shiraz Ahvaz",
    "AU": "Sydney Melbourne Brisbane Perth",
    "NZ": "Auckland Christchurch",
    "MZ": "Beira Pemba",
    "AO": "Benguela",
    "HT": "Cap-Haitien",
    "VE": "Maracaibo",
    "PE": "Arequipa Cusco",
    "GB": "Manchester Birmingham Glasgow Edinburgh Belfast Liverpool",
    "TH": "Chiang Mai Phuket Pattaya",
    "LK": "Kandy Jaffna",
    "NP": "Pokhara",
}
_MULTIWORD_CITIES = (
    "Port Harcourt", "Benin City", "Cape Town", "Sao Paulo", "Rio de Janeiro", "Belo Horizonte", "Porto Alegre",
    "Port Said", "Sharm el-Sheikh", "Deir ez-Zor", "Ho Chi Minh City", "Da Nang", "St Petersburg",
    "St. Petersburg", "Los Angeles", "San Francisco", "Ciudad Juarez", "Santa Cruz", "Port Sudan", "El Fasher",
    "El Obeid", "Bahir Dar", "Gaza City", "Khan Younis", "Tel Aviv", "Chiang Mai",
)  # fmt: skip


def dateline_cities() -> dict[str, str]:
    cities: dict[str, str] = {}
    for code, names in DATELINE_CITIES.items():
        rest = names
        for multi in _MULTIWORD_CITIES:
            if multi in rest:
                cities[multi] = code
                rest = rest.replace(multi, " ")
        for city in rest.split():
            cities[city] = code
    return dict(sorted(cities.items()))


def build() -> dict[str, Any]:
    countries: list[dict[str, Any]] = []
    iso = {c.alpha_2: c for c in pycountry.countries}
    for code, country in sorted(iso.items()):
        extra, demonyms, capitals = CURATED.get(code, ([], [], []))
        names = _names_for(country)
        primary = getattr(country, "common_name", None) or _flip(country.name)
        primary = DISPLAY.get(code, primary)
        names = [n for n in names if not n.lower().startswith("the ") and "Province of China" not in n]
        countries.append(
            {
                "code": code,
                "name": re.sub(r"\s*\(.*?\)", "", primary),
                "names": sorted(set(names + extra) - {""}),
                "demonyms": [d for d in demonyms if "(" not in d],
                "capitals": capitals,
            }
        )
    extra, demonyms, capitals = CURATED["XK"]
    countries.append(
        {
            "code": "XK",
            "name": "Kosovo",
            "names": ["Kosovo", "Republic of Kosovo"],
            "demonyms": demonyms,
            "capitals": capitals,
        }
    )
    for entry in countries:
        if entry["code"] in ("GE", "JO", "TD", "CD"):
            entry["names"] = sorted(set(entry["names"]) | {entry["name"] if entry["code"] != "CD" else "Congo"})
    version = getattr(pycountry, "__version__", None)  # None when the installed package has no metadata
    return {
        "source": (
            "ISO 3166-1 list from pycountry " + version if version is not None else "ISO 3166-1 list from pycountry"
        )
        + "; Kosovo (XK) added; aliases, demonyms and capitals-as-metonyms "
        "curated by hand for news-wire usage (processors/tagger/build_countries.py)",
        "countries": countries,
        "ambiguous": AMBIGUOUS,
        "dateline_cities": dateline_cities(),
        # Phrases that contain a country word but do not refer to the country; they win as longest match.
        "non_country_phrases": [
            "Middle East",
            "Palestine Branch",  # a Syrian military-intelligence branch (Branch 235), not Palestine
            "Gulf of Guinea",
            "New Guinea island",
            "New Mexico",
            "New Jersey",
            "New South Wales",
            "Indian Ocean",
            "Native American",
            "Native Americans",
            "Latin America",
            "Latin American",
            "South America",
            "North America",
            "Central America",
            "Central American",
            "South American",
            "North American",
            "Washington Post",
            "Washington state",
            "Washington State",
            "George Washington",
            "Georgia Tech",
            "Persian Gulf",
            "New Guinea",
            "British Columbia",
            "New England",
            "Indian Wells",
            "Arabian Sea",
            "French fries",
            "Turkish delight",
            "Indian Premier League",
            "Chinese New Year",
            "West Indies",
            "East Asia",
            "South Asia",
            "Southeast Asia",
            "Central Asia",
            "West Africa",
            "East Africa",
            "North Africa",
            "Southern Africa",
            "Central Africa",
            "Horn of Africa",
            "Dutch disease",
            "Mexican wave",
            "Islamic Revolution",
            "Islamic State",
            "Guinea worm",
        ],
    }


def main() -> None:
    OUT.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
