"""A generated corpus of realistic news article pages, for measuring main-text extractors.

    .venv/bin/python -m benchmarks.extraction.corpus                 # pages, sizes and splits per template
    .venv/bin/python -m benchmarks.extraction.corpus --write DIR     # DIR/<id>.html and DIR/<id>.json (gold)

The 48 articles of articles.json (written for this corpus: fictional news in English, French, Spanish,
Portuguese, German, Italian, Russian and Arabic) are each rendered by one of eleven page templates that imitate
site families: a WordPress news theme, a big publisher's React server-rendered page with its JSON state, a live
blog, an old CMS whose text is <div>/<br>, an article cut by ads and "read also" links, a page with a long
comment thread, a Russian news portal (tuning split); an AMP page, a paywall teaser, an Arabic right-to-left
site and an old table layout (held-out split: no extractor may be tuned on their markup). The boilerplate is
generated in the page's language from the vocabulary below (menus, footers, cookie banners, share bars,
newsletter boxes, related and most-read lists, comments, CSS, scripts, JSON-LD, SVG icons) to the weight of real
pages (100-200 KB). Everything is drawn from one fixed seed: the same bytes on every run and machine.

Gold, after the ScrapingHub article-extraction-benchmark: `text` is the article body a reader reads — the
paragraphs and the subheadings between them, one block a line; not the title, the byline, the date, the
boilerplate or the comments. A photo caption, a pull quote, a dateline ("BISHKEK, 8 Apr —") and a live post's
time are optional (`optional`): the scorer neither requires them nor penalises them. On the paywall page the
body is what the page shows (the first two paragraphs); on the live blog, every post (newest first).
Metadata gold: `title`, `author` (the byline's name), `published` (ISO 8601 with the site's offset) and
`language` (ISO 639-1).
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import statistics
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ARTICLES_FILE = HERE / "articles.json"
SEED = "wirewatch-extraction-corpus-1"
LANGUAGES = ("en", "fr", "es", "pt", "de", "it", "ru", "ar")

# ---------------------------------------------------------------------------------------------------------------
# Vocabulary of the boilerplate, per language. Sections, topics and places are parallel lists: index i means the
# same thing in every language (their URL slugs are SECTION_SLUGS, TOPIC_SLUGS and PLACE_SLUGS).

SECTION_SLUGS = (
    "world",
    "politics",
    "business",
    "security",
    "opinion",
    "culture",
    "science",
    "sport",
    "video",
    "podcasts",
)
TOPIC_SLUGS = (
    "elections", "defence", "diplomacy", "justice", "migration", "energy", "climate",
    "health", "technology", "parliament", "protests", "human-rights", "intelligence", "trade",
)  # fmt: skip
PLACE_SLUGS = (
    "europe", "africa", "middle-east", "asia", "latin-america", "united-states", "united-kingdom", "france",
    "germany", "russia", "ukraine", "china", "india", "brazil", "nigeria", "turkey",
)  # fmt: skip
UI_KEYS = (
    "home", "search", "menu", "skip", "subscribe", "login", "newsletter_title", "newsletter_text", "email",
    "signup", "cookie_title", "cookie_text", "accept", "reject", "settings", "share", "copy_link", "print",
    "related", "most_read", "read_also", "latest", "comments", "reply", "like", "report", "write_comment",
    "login_to_comment", "load_more", "advert", "sponsored", "about", "contact", "careers", "terms", "privacy",
    "cookies", "accessibility", "advertise", "corrections", "standards", "rights", "follow", "apps", "by",
    "published", "updated", "read_time", "listen", "live", "key_events", "paywall_title", "paywall_text",
    "paywall_offer", "paywall_login", "tags", "back_to_top", "breaking", "more_in", "poll_question", "poll_yes",
    "poll_no", "vote", "weather", "photo", "previous", "next", "archive",
)  # fmt: skip


@dataclass(frozen=True)
class Locale:
    """What a site in one language says around its articles."""

    code: str
    lang_tag: str  # <html lang>
    og_locale: str
    sections: tuple[str, ...]
    topics: tuple[str, ...]
    places: tuple[str, ...]
    ui: dict[str, str]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    date: str  # "{d} {month} {y}"
    time: str  # "{H}:{M}"
    tagline: str
    headlines: tuple[str, ...]  # other stories of the day, for tickers and lists
    comments: tuple[str, ...]
    names: tuple[str, ...]  # commenters
    sponsored: tuple[str, ...]


def _locale(
    code: str,
    lang_tag: str,
    og_locale: str,
    *,
    sections: list[str],
    topics: list[str],
    places: list[str],
    ui: dict[str, str],
    months: list[str],
    weekdays: list[str],
    date: str,
    time: str,
    tagline: str,
    headlines: list[str],
    comments: list[str],
    names: list[str],
    sponsored: list[str],
) -> Locale:
    missing = set(UI_KEYS) - set(ui)
    if (
        missing
        or len(sections) != len(SECTION_SLUGS)
        or len(topics) != len(TOPIC_SLUGS)
        or len(places) != len(PLACE_SLUGS)
    ):
        raise ValueError(f"locale {code} is incomplete (missing UI strings: {sorted(missing)})")
    return Locale(
        code, lang_tag, og_locale, tuple(sections), tuple(topics), tuple(places), ui, tuple(months), tuple(weekdays),
        date, time, tagline, tuple(headlines), tuple(comments), tuple(names), tuple(sponsored),
    )  # fmt: skip


LOCALES: dict[str, Locale] = {
    "en": _locale(
        "en", "en-GB", "en_GB",
        sections=["World", "Politics", "Business", "Security", "Opinion", "Culture", "Science", "Sport", "Video", "Podcasts"],
        topics=["Elections", "Defence", "Diplomacy", "Justice", "Migration", "Energy", "Climate", "Health", "Technology", "Parliament", "Protests", "Human rights", "Intelligence", "Trade"],
        places=["Europe", "Africa", "Middle East", "Asia", "Latin America", "United States", "United Kingdom", "France", "Germany", "Russia", "Ukraine", "China", "India", "Brazil", "Nigeria", "Turkey"],
        ui={
            "home": "Home", "search": "Search", "menu": "Menu", "skip": "Skip to main content", "subscribe": "Subscribe",
            "login": "Sign in", "newsletter_title": "The Morning Briefing",
            "newsletter_text": "The day's most important stories from around the world, in your inbox before breakfast. Free, every weekday.",
            "email": "Your email address", "signup": "Sign up", "cookie_title": "We value your privacy",
            "cookie_text": "We and our partners use cookies and similar technologies to store and access information on your device, to measure audiences, to show you personalised advertising and to improve our services. You can accept all cookies, refuse them or choose which purposes you agree to, and change your mind at any time from the Privacy settings link at the bottom of every page.",
            "accept": "Accept all", "reject": "Reject all", "settings": "Manage preferences", "share": "Share",
            "copy_link": "Copy link", "print": "Print", "related": "Related stories", "most_read": "Most read",
            "read_also": "Read more", "latest": "Latest news", "comments": "Comments", "reply": "Reply",
            "like": "Recommend", "report": "Report", "write_comment": "Join the conversation",
            "login_to_comment": "Please sign in or create an account to comment. Comments are moderated according to our community guidelines.",
            "load_more": "Show more comments", "advert": "Advertisement", "sponsored": "Sponsored content",
            "about": "About us", "contact": "Contact us", "careers": "Work for us", "terms": "Terms of use",
            "privacy": "Privacy policy", "cookies": "Cookie policy", "accessibility": "Accessibility",
            "advertise": "Advertise with us", "corrections": "Corrections", "standards": "Editorial standards",
            "rights": "All rights reserved.", "follow": "Follow us", "apps": "Download our apps", "by": "By",
            "published": "Published", "updated": "Updated", "read_time": "{n} min read", "listen": "Listen to this article",
            "live": "Live", "key_events": "Key events", "paywall_title": "This article is for subscribers",
            "paywall_text": "Independent journalism takes time and money. Subscribe today to keep reading and get unlimited access to all our reporting, analysis and archives.",
            "paywall_offer": "£1 for the first month, then £9.99 a month. Cancel anytime.",
            "paywall_login": "Already a subscriber? Sign in", "tags": "Topics", "back_to_top": "Back to top",
            "breaking": "Breaking", "more_in": "More in {section}", "poll_question": "Should the voting age be lowered to 16?",
            "poll_yes": "Yes", "poll_no": "No", "vote": "Vote", "weather": "Weather", "photo": "Photo",
            "previous": "Previous article", "next": "Next article", "archive": "Archive",
        },
        months=["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        weekdays=["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        date="{d} {month} {y}", time="{H}:{M}", tagline="News and analysis from around the world",
        headlines=[
            "Finance ministers clash over debt relief for the poorest countries",
            "Navy intercepts vessel carrying weapons off the Horn of Africa",
            "Opposition leader returns from exile to cheering crowds",
            "Parliament approves emergency budget after all-night session",
            "Border talks stall as both sides accuse each other of troop build-up",
            "Former spy chief charged with leaking classified documents",
            "Regional bloc suspends member state after disputed vote",
            "Fuel shortages spark protests in three provincial capitals",
            "Government survives no-confidence vote by four votes",
            "UN envoy warns of famine risk as aid convoys are blocked",
            "Military promises elections within two years, critics unconvinced",
            "Interior ministry bans rallies ahead of referendum",
        ],
        comments=[
            "This is exactly what everyone predicted months ago. Nobody in government listened.",
            "Good reporting, but I would have liked to hear more from people on the ground.",
            "The real question is who benefits from all this chaos. Follow the money.",
            "I lived there for six years and this does not surprise me one bit.",
            "Another transition that will last a decade. We have seen this film before.",
            "Why is nobody talking about the economic side of this? People cannot afford bread.",
            "Sanctions never work on their own. They just hurt ordinary citizens.",
            "Credit where it is due: the courts still seem to be doing their job.",
            "Can the author explain where the turnout figure comes from? It seems high.",
            "Sad to read. I hope my friends there are safe tonight.",
            "Let's wait for the official results before jumping to conclusions.",
            "The international community issues statements and then does nothing. Every time.",
        ],
        names=["northern_light", "MartinG", "policywonk77", "Ellie_R", "TomFromLeeds", "skeptic_in_chief", "Amara K.", "JD1984", "the_quiet_reader", "Ravi S", "Lucy B", "oldhack"],
        sponsored=[
            "Why thousands of retirees are moving to this small coastal town",
            "Doctors are surprised by this simple morning habit",
            "The ten most beautiful train journeys in the world",
            "This smart thermostat could cut your heating bill in half",
        ],
    ),
    "fr": _locale(
        "fr", "fr-FR", "fr_FR",
        sections=["Monde", "Politique", "Économie", "Sécurité", "Opinions", "Culture", "Sciences", "Sport", "Vidéos", "Podcasts"],
        topics=["Élections", "Défense", "Diplomatie", "Justice", "Migrations", "Énergie", "Climat", "Santé", "Technologies", "Parlement", "Manifestations", "Droits humains", "Renseignement", "Commerce"],
        places=["Europe", "Afrique", "Moyen-Orient", "Asie", "Amérique latine", "États-Unis", "Royaume-Uni", "France", "Allemagne", "Russie", "Ukraine", "Chine", "Inde", "Brésil", "Nigeria", "Turquie"],
        ui={
            "home": "Accueil", "search": "Rechercher", "menu": "Menu", "skip": "Aller au contenu principal",
            "subscribe": "S'abonner", "login": "Se connecter", "newsletter_title": "La lettre du matin",
            "newsletter_text": "L'essentiel de l'actualité internationale, chaque matin dans votre boîte mail. Gratuit, du lundi au vendredi.",
            "email": "Votre adresse e-mail", "signup": "Je m'inscris",
            "cookie_title": "Le respect de votre vie privée est notre priorité",
            "cookie_text": "Nos partenaires et nous utilisons des cookies et des technologies similaires pour stocker et consulter des informations sur votre appareil, mesurer l'audience, vous proposer des publicités personnalisées et améliorer nos services. Vous pouvez accepter, refuser ou modifier vos choix à tout moment grâce au lien « Paramètres des cookies » en bas de chaque page.",
            "accept": "Tout accepter", "reject": "Continuer sans accepter", "settings": "Paramétrer", "share": "Partager",
            "copy_link": "Copier le lien", "print": "Imprimer", "related": "Sur le même sujet", "most_read": "Les plus lus",
            "read_also": "Lire aussi", "latest": "Dernières infos", "comments": "Commentaires", "reply": "Répondre",
            "like": "J'aime", "report": "Signaler", "write_comment": "Réagir à cet article",
            "login_to_comment": "Connectez-vous ou créez un compte pour commenter. Les commentaires sont modérés selon notre charte.",
            "load_more": "Voir plus de commentaires", "advert": "Publicité", "sponsored": "Contenu sponsorisé",
            "about": "Qui sommes-nous", "contact": "Nous contacter", "careers": "Recrutement",
            "terms": "Conditions générales d'utilisation", "privacy": "Politique de confidentialité",
            "cookies": "Gestion des cookies", "accessibility": "Accessibilité", "advertise": "Annoncer chez nous",
            "corrections": "Rectificatifs", "standards": "Charte déontologique", "rights": "Tous droits réservés.",
            "follow": "Suivez-nous", "apps": "Nos applications", "by": "Par", "published": "Publié le",
            "updated": "Mis à jour le", "read_time": "Lecture {n} min", "listen": "Écouter cet article",
            "live": "En direct", "key_events": "Les moments clés", "paywall_title": "Cet article est réservé aux abonnés",
            "paywall_text": "Une information indépendante a un coût. Abonnez-vous pour lire la suite et accéder à tous nos articles, analyses et archives.",
            "paywall_offer": "1 € le premier mois, puis 9,99 € par mois. Sans engagement.",
            "paywall_login": "Déjà abonné ? Se connecter", "tags": "Thèmes", "back_to_top": "Haut de page",
            "breaking": "Alerte", "more_in": "Plus de {section}", "poll_question": "Faut-il abaisser l'âge du droit de vote à 16 ans ?",
            "poll_yes": "Oui", "poll_no": "Non", "vote": "Voter", "weather": "Météo", "photo": "Photo",
            "previous": "Article précédent", "next": "Article suivant", "archive": "Archives",
        },
        months=["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        weekdays=["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        date="{d} {month} {y}", time="{H}h{M}", tagline="L'actualité internationale en continu",
        headlines=[
            "Dette : les ministres des Finances divisés sur l'allègement pour les pays les plus pauvres",
            "Une frégate intercepte un navire chargé d'armes au large de la Corne de l'Afrique",
            "Retour d'exil triomphal pour le chef de l'opposition",
            "Le Parlement adopte un budget d'urgence au terme d'une nuit de débats",
            "Les négociations frontalières au point mort, chaque camp accuse l'autre",
            "Un ancien chef du renseignement inculpé pour divulgation de documents classifiés",
            "L'organisation régionale suspend un État membre après un scrutin contesté",
            "Pénurie de carburant : manifestations dans trois capitales provinciales",
            "Le gouvernement échappe de justesse à la censure",
            "L'émissaire de l'ONU alerte sur un risque de famine",
            "La junte promet des élections d'ici deux ans, l'opposition sceptique",
            "Le ministère de l'Intérieur interdit les rassemblements avant le référendum",
        ],
        comments=[
            "Tout le monde l'avait vu venir depuis des mois, sauf le gouvernement.",
            "Article intéressant, mais on aimerait entendre davantage les habitants.",
            "À qui profite cette situation ? C'est la seule vraie question.",
            "J'ai vécu là-bas plusieurs années, rien de tout cela ne me surprend.",
            "Encore une transition qui va durer dix ans. On connaît la chanson.",
            "Et l'économie dans tout ça ? Les gens n'arrivent plus à se nourrir.",
            "Les sanctions seules ne servent à rien, elles frappent surtout la population.",
            "Il faut reconnaître que la justice fait encore son travail.",
            "D'où vient ce chiffre de participation ? Il me paraît bien élevé.",
            "Triste nouvelle. Pensées pour mes amis sur place.",
            "Attendons les résultats officiels avant de tirer des conclusions.",
            "La communauté internationale publie des communiqués et ne fait rien. Comme d'habitude.",
        ],
        names=["Citoyen_du_monde", "MarieL", "Jean-Pierre D.", "lecteur_assidu", "Sophie75", "Bernard M.", "Zoé_R", "Ahmed B.", "vieux_lecteur", "Camille T", "Lucien", "Nadia_K"],
        sponsored=[
            "Ces retraités ont choisi de s'installer dans ce petit village côtier",
            "Les médecins recommandent cette habitude matinale toute simple",
            "Les dix plus beaux voyages en train du monde",
            "Ce thermostat connecté pourrait diviser votre facture par deux",
        ],
    ),
    "es": _locale(
        "es", "es-ES", "es_ES",
        sections=["Internacional", "Política", "Economía", "Seguridad", "Opinión", "Cultura", "Ciencia", "Deportes", "Vídeos", "Pódcast"],
        topics=["Elecciones", "Defensa", "Diplomacia", "Justicia", "Migración", "Energía", "Clima", "Salud", "Tecnología", "Congreso", "Protestas", "Derechos humanos", "Inteligencia", "Comercio"],
        places=["Europa", "África", "Oriente Próximo", "Asia", "América Latina", "Estados Unidos", "Reino Unido", "Francia", "Alemania", "Rusia", "Ucrania", "China", "India", "Brasil", "Nigeria", "Turquía"],
        ui={
            "home": "Portada", "search": "Buscar", "menu": "Menú", "skip": "Ir al contenido principal",
            "subscribe": "Suscríbete", "login": "Iniciar sesión", "newsletter_title": "El boletín de la mañana",
            "newsletter_text": "Las noticias más importantes del día en tu correo antes del desayuno. Gratis, de lunes a viernes.",
            "email": "Tu correo electrónico", "signup": "Apuntarme", "cookie_title": "Tu privacidad es importante para nosotros",
            "cookie_text": "Nosotros y nuestros socios utilizamos cookies y tecnologías similares para almacenar y acceder a información en tu dispositivo, medir la audiencia, mostrarte publicidad personalizada y mejorar nuestros servicios. Puedes aceptar, rechazar o configurar tus preferencias en cualquier momento desde el enlace «Configuración de privacidad» al pie de cada página.",
            "accept": "Aceptar todo", "reject": "Rechazar", "settings": "Configurar", "share": "Compartir",
            "copy_link": "Copiar enlace", "print": "Imprimir", "related": "Noticias relacionadas", "most_read": "Lo más leído",
            "read_also": "Lee también", "latest": "Última hora", "comments": "Comentarios", "reply": "Responder",
            "like": "Me gusta", "report": "Denunciar", "write_comment": "Participa en la conversación",
            "login_to_comment": "Inicia sesión o regístrate para comentar. Los comentarios se moderan según nuestras normas de participación.",
            "load_more": "Ver más comentarios", "advert": "Publicidad", "sponsored": "Contenido patrocinado",
            "about": "Quiénes somos", "contact": "Contacto", "careers": "Trabaja con nosotros", "terms": "Aviso legal",
            "privacy": "Política de privacidad", "cookies": "Política de cookies", "accessibility": "Accesibilidad",
            "advertise": "Anúnciate", "corrections": "Fe de erratas", "standards": "Libro de estilo",
            "rights": "Todos los derechos reservados.", "follow": "Síguenos", "apps": "Descarga nuestras apps", "by": "Por",
            "published": "Publicado", "updated": "Actualizado", "read_time": "{n} min de lectura",
            "listen": "Escuchar esta noticia", "live": "En directo", "key_events": "Lo más destacado",
            "paywall_title": "Este artículo es exclusivo para suscriptores",
            "paywall_text": "El periodismo independiente necesita lectores que lo sostengan. Suscríbete para seguir leyendo y tener acceso ilimitado a todas nuestras noticias y análisis.",
            "paywall_offer": "1 € el primer mes y después 9,99 € al mes. Cancela cuando quieras.",
            "paywall_login": "¿Ya eres suscriptor? Inicia sesión", "tags": "Temas", "back_to_top": "Volver arriba",
            "breaking": "Última hora", "more_in": "Más en {section}", "poll_question": "¿Debería rebajarse la edad para votar a los 16 años?",
            "poll_yes": "Sí", "poll_no": "No", "vote": "Votar", "weather": "El tiempo", "photo": "Foto",
            "previous": "Noticia anterior", "next": "Noticia siguiente", "archive": "Archivo",
        },
        months=["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
        weekdays=["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
        date="{d} de {month} de {y}", time="{H}:{M}", tagline="Noticias de España y del mundo",
        headlines=[
            "Los ministros de Finanzas chocan por el alivio de la deuda de los países más pobres",
            "La Armada intercepta un buque cargado de armas frente al Cuerno de África",
            "El líder opositor regresa del exilio entre multitudes",
            "El Parlamento aprueba un presupuesto de emergencia tras una sesión maratoniana",
            "Se estancan las negociaciones fronterizas entre acusaciones mutuas",
            "Acusan a un exjefe de inteligencia de filtrar documentos clasificados",
            "El bloque regional suspende a un Estado miembro tras una votación polémica",
            "La escasez de combustible desata protestas en tres capitales provinciales",
            "El Gobierno supera por cuatro votos una moción de censura",
            "El enviado de la ONU advierte del riesgo de hambruna",
            "La junta militar promete elecciones en dos años y la oposición desconfía",
            "Interior prohíbe las concentraciones antes del referéndum",
        ],
        comments=[
            "Era evidente desde hace meses, pero nadie en el Gobierno quiso verlo.",
            "Buen artículo, aunque faltan las voces de la gente que vive allí.",
            "La pregunta es a quién beneficia todo este caos.",
            "Viví allí varios años y nada de esto me sorprende.",
            "Otra transición que durará una década. Ya hemos visto esta película.",
            "¿Y la economía? La gente ya no llega a fin de mes.",
            "Las sanciones por sí solas no sirven, solo castigan a la población.",
            "Hay que reconocer que los tribunales siguen haciendo su trabajo.",
            "¿De dónde sale ese dato de participación? Me parece muy alto.",
            "Qué tristeza. Espero que mis amigos de allí estén bien.",
            "Esperemos a los resultados oficiales antes de sacar conclusiones.",
            "La comunidad internacional emite comunicados y no hace nada. Como siempre.",
        ],
        names=["ciudadano_libre", "MariaJose", "Pepe G.", "lector_critico", "Ana_83", "Javier O.", "Lola M", "Carlos R.", "el_observador", "Marta V", "Tomás", "Inés_P"],
        sponsored=[
            "Por qué miles de jubilados se mudan a este pueblo de la costa",
            "El sencillo hábito matutino que recomiendan los médicos",
            "Los diez viajes en tren más bonitos del mundo",
            "Este termostato inteligente puede reducir a la mitad tu factura",
        ],
    ),
    "pt": _locale(
        "pt", "pt-BR", "pt_BR",
        sections=["Mundo", "Política", "Economia", "Segurança", "Opinião", "Cultura", "Ciência", "Esportes", "Vídeos", "Podcasts"],
        topics=["Eleições", "Defesa", "Diplomacia", "Justiça", "Migração", "Energia", "Clima", "Saúde", "Tecnologia", "Congresso", "Protestos", "Direitos humanos", "Inteligência", "Comércio"],
        places=["Europa", "África", "Oriente Médio", "Ásia", "América Latina", "Estados Unidos", "Reino Unido", "França", "Alemanha", "Rússia", "Ucrânia", "China", "Índia", "Brasil", "Nigéria", "Turquia"],
        ui={
            "home": "Início", "search": "Buscar", "menu": "Menu", "skip": "Ir para o conteúdo", "subscribe": "Assine",
            "login": "Entrar", "newsletter_title": "Resumo da manhã",
            "newsletter_text": "As notícias mais importantes do dia no seu e-mail antes do café. Grátis, de segunda a sexta.",
            "email": "Seu e-mail", "signup": "Quero receber", "cookie_title": "Sua privacidade é importante",
            "cookie_text": "Nós e nossos parceiros usamos cookies e tecnologias semelhantes para armazenar e acessar informações no seu dispositivo, medir a audiência, exibir publicidade personalizada e melhorar nossos serviços. Você pode aceitar, recusar ou configurar suas preferências a qualquer momento no link «Privacidade» no rodapé de cada página.",
            "accept": "Aceitar todos", "reject": "Recusar", "settings": "Configurar", "share": "Compartilhar",
            "copy_link": "Copiar link", "print": "Imprimir", "related": "Notícias relacionadas", "most_read": "Mais lidas",
            "read_also": "Leia também", "latest": "Últimas notícias", "comments": "Comentários", "reply": "Responder",
            "like": "Curtir", "report": "Denunciar", "write_comment": "Deixe seu comentário",
            "login_to_comment": "Faça login ou crie uma conta para comentar. Os comentários são moderados de acordo com nossas regras.",
            "load_more": "Carregar mais comentários", "advert": "Publicidade", "sponsored": "Conteúdo patrocinado",
            "about": "Quem somos", "contact": "Fale conosco", "careers": "Trabalhe conosco", "terms": "Termos de uso",
            "privacy": "Política de privacidade", "cookies": "Política de cookies", "accessibility": "Acessibilidade",
            "advertise": "Anuncie", "corrections": "Erramos", "standards": "Princípios editoriais",
            "rights": "Todos os direitos reservados.", "follow": "Siga-nos", "apps": "Baixe nossos aplicativos", "by": "Por",
            "published": "Publicado em", "updated": "Atualizado em", "read_time": "{n} min de leitura",
            "listen": "Ouvir esta reportagem", "live": "Ao vivo", "key_events": "Destaques",
            "paywall_title": "Conteúdo exclusivo para assinantes",
            "paywall_text": "Jornalismo profissional custa caro. Assine para continuar lendo e ter acesso ilimitado a todas as reportagens, análises e ao nosso acervo.",
            "paywall_offer": "R$ 1,90 no primeiro mês, depois R$ 29,90 por mês. Cancele quando quiser.",
            "paywall_login": "Já é assinante? Entre", "tags": "Tópicos", "back_to_top": "Voltar ao topo",
            "breaking": "Urgente", "more_in": "Mais de {section}", "poll_question": "O voto deveria ser facultativo?",
            "poll_yes": "Sim", "poll_no": "Não", "vote": "Votar", "weather": "Tempo", "photo": "Foto",
            "previous": "Anterior", "next": "Próxima", "archive": "Arquivo",
        },
        months=["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
        weekdays=["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
        date="{d} de {month} de {y}", time="{H}h{M}", tagline="Notícias do Brasil e do mundo",
        headlines=[
            "Ministros das Finanças divergem sobre alívio da dívida dos países mais pobres",
            "Marinha intercepta navio com armas no Chifre da África",
            "Líder da oposição volta do exílio e é recebido por multidão",
            "Parlamento aprova orçamento de emergência após sessão de madrugada",
            "Negociações sobre fronteira emperram com acusações mútuas",
            "Ex-chefe de inteligência é acusado de vazar documentos sigilosos",
            "Bloco regional suspende país-membro após votação contestada",
            "Falta de combustível provoca protestos em três capitais",
            "Governo sobrevive a moção de censura por quatro votos",
            "Enviado da ONU alerta para risco de fome",
            "Junta militar promete eleições em dois anos; oposição desconfia",
            "Ministério proíbe manifestações antes do referendo",
        ],
        comments=[
            "Estava na cara havia meses, só o governo não viu.",
            "Boa matéria, mas faltou ouvir quem vive lá.",
            "A pergunta é: quem ganha com esse caos?",
            "Morei lá por anos e nada disso me surpreende.",
            "Mais uma transição que vai durar uma década. Já vimos esse filme.",
            "E a economia? O povo não consegue nem comprar comida.",
            "Sanção sozinha não resolve nada, só castiga a população.",
            "Pelo menos a Justiça continua funcionando.",
            "De onde saiu esse número de participação? Parece alto demais.",
            "Que tristeza. Espero que meus amigos de lá estejam bem.",
            "Vamos esperar o resultado oficial antes de tirar conclusões.",
            "A comunidade internacional solta nota e não faz nada. Sempre assim.",
        ],
        names=["cidadao_atento", "MariaC", "João P.", "leitor_critico", "Ana_RJ", "Ricardo L.", "Bia S", "Paulo H.", "observador_sp", "Carla M", "Zé", "Fernanda_K"],
        sponsored=[
            "Por que tantos aposentados estão se mudando para esta cidade do litoral",
            "O hábito matinal simples que os médicos recomendam",
            "As dez viagens de trem mais bonitas do mundo",
            "Este termostato inteligente pode cortar sua conta de luz pela metade",
        ],
    ),
    "de": _locale(
        "de", "de-DE", "de_DE",
        sections=["Ausland", "Politik", "Wirtschaft", "Sicherheit", "Meinung", "Kultur", "Wissen", "Sport", "Video", "Podcasts"],
        topics=["Wahlen", "Verteidigung", "Diplomatie", "Justiz", "Migration", "Energie", "Klima", "Gesundheit", "Technik", "Bundestag", "Proteste", "Menschenrechte", "Geheimdienste", "Handel"],
        places=["Europa", "Afrika", "Nahost", "Asien", "Lateinamerika", "USA", "Großbritannien", "Frankreich", "Deutschland", "Russland", "Ukraine", "China", "Indien", "Brasilien", "Nigeria", "Türkei"],
        ui={
            "home": "Startseite", "search": "Suche", "menu": "Menü", "skip": "Zum Inhalt springen", "subscribe": "Abonnieren",
            "login": "Anmelden", "newsletter_title": "Der Morgen-Newsletter",
            "newsletter_text": "Die wichtigsten Nachrichten des Tages, jeden Morgen in Ihrem Postfach. Kostenlos, montags bis freitags.",
            "email": "Ihre E-Mail-Adresse", "signup": "Jetzt anmelden", "cookie_title": "Wir respektieren Ihre Privatsphäre",
            "cookie_text": "Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um Informationen auf Ihrem Gerät zu speichern und abzurufen, Reichweiten zu messen, personalisierte Werbung anzuzeigen und unsere Angebote zu verbessern. Sie können alle Cookies akzeptieren, ablehnen oder Ihre Auswahl jederzeit über den Link „Datenschutz-Einstellungen“ am Ende jeder Seite anpassen.",
            "accept": "Alle akzeptieren", "reject": "Ablehnen", "settings": "Einstellungen", "share": "Teilen",
            "copy_link": "Link kopieren", "print": "Drucken", "related": "Mehr zum Thema", "most_read": "Meistgelesen",
            "read_also": "Lesen Sie auch", "latest": "Neueste Meldungen", "comments": "Kommentare", "reply": "Antworten",
            "like": "Gefällt mir", "report": "Melden", "write_comment": "Diskutieren Sie mit",
            "login_to_comment": "Bitte melden Sie sich an, um zu kommentieren. Kommentare werden nach unseren Regeln moderiert.",
            "load_more": "Weitere Kommentare laden", "advert": "Anzeige", "sponsored": "Gesponserter Inhalt",
            "about": "Über uns", "contact": "Kontakt", "careers": "Karriere", "terms": "Nutzungsbedingungen",
            "privacy": "Datenschutz", "cookies": "Cookie-Richtlinie", "accessibility": "Barrierefreiheit",
            "advertise": "Werben bei uns", "corrections": "Korrekturen", "standards": "Redaktionelle Grundsätze",
            "rights": "Alle Rechte vorbehalten.", "follow": "Folgen Sie uns", "apps": "Unsere Apps", "by": "Von",
            "published": "Veröffentlicht am", "updated": "Aktualisiert am", "read_time": "{n} Min. Lesezeit",
            "listen": "Artikel anhören", "live": "Live", "key_events": "Das Wichtigste",
            "paywall_title": "Dieser Artikel ist Abonnenten vorbehalten",
            "paywall_text": "Unabhängiger Journalismus kostet Geld. Lesen Sie weiter mit einem Abo und erhalten Sie unbegrenzten Zugang zu allen Artikeln, Analysen und dem Archiv.",
            "paywall_offer": "Vier Wochen für 1 €, danach 9,99 € monatlich. Jederzeit kündbar.",
            "paywall_login": "Schon Abonnent? Hier anmelden", "tags": "Themen", "back_to_top": "Nach oben",
            "breaking": "Eilmeldung", "more_in": "Mehr aus {section}", "poll_question": "Sollte das Wahlalter auf 16 Jahre gesenkt werden?",
            "poll_yes": "Ja", "poll_no": "Nein", "vote": "Abstimmen", "weather": "Wetter", "photo": "Foto",
            "previous": "Vorheriger Artikel", "next": "Nächster Artikel", "archive": "Archiv",
        },
        months=["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        weekdays=["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
        date="{d}. {month} {y}", time="{H}:{M} Uhr", tagline="Nachrichten aus Deutschland und der Welt",
        headlines=[
            "Finanzminister streiten über Schuldenerlass für die ärmsten Länder",
            "Marine stoppt Frachter mit Waffen vor dem Horn von Afrika",
            "Oppositionsführer kehrt aus dem Exil zurück – Tausende jubeln",
            "Parlament beschließt Notetat nach nächtlicher Sitzung",
            "Grenzgespräche stocken, beide Seiten werfen sich Truppenaufmarsch vor",
            "Früherer Geheimdienstchef wegen Geheimnisverrats angeklagt",
            "Regionalbündnis suspendiert Mitgliedsstaat nach umstrittener Wahl",
            "Treibstoffmangel löst Proteste in drei Provinzhauptstädten aus",
            "Regierung übersteht Misstrauensvotum mit vier Stimmen Vorsprung",
            "UN-Gesandter warnt vor Hungersnot",
            "Junta verspricht Wahlen in zwei Jahren – Kritiker zweifeln",
            "Innenministerium verbietet Kundgebungen vor dem Referendum",
        ],
        comments=[
            "Das war seit Monaten absehbar, nur die Regierung wollte es nicht sehen.",
            "Guter Artikel, aber mich hätten die Stimmen der Menschen vor Ort mehr interessiert.",
            "Die eigentliche Frage ist doch, wer von diesem Chaos profitiert.",
            "Ich habe dort mehrere Jahre gelebt, mich überrascht das leider nicht.",
            "Wieder eine Übergangszeit, die ein Jahrzehnt dauern wird.",
            "Und was ist mit der Wirtschaft? Die Leute können sich kaum noch Brot leisten.",
            "Sanktionen allein bringen nichts, sie treffen vor allem die Bevölkerung.",
            "Immerhin scheinen die Gerichte noch zu funktionieren.",
            "Woher stammt die Zahl zur Wahlbeteiligung? Sie kommt mir hoch vor.",
            "Traurig. Ich hoffe, meinen Freunden dort geht es gut.",
            "Warten wir doch das amtliche Ergebnis ab, bevor wir urteilen.",
            "Die internationale Gemeinschaft veröffentlicht Erklärungen und tut sonst nichts.",
        ],
        names=["Weltbürger", "KlausM", "Petra S.", "kritischer_leser", "Jana_91", "Heinz B.", "Lena K", "Murat Y.", "der_beobachter", "Sabine W", "Uwe", "Felix_H"],
        sponsored=[
            "Warum immer mehr Rentner in diese kleine Küstenstadt ziehen",
            "Diese einfache Morgenroutine empfehlen Ärzte",
            "Die zehn schönsten Zugreisen der Welt",
            "Mit diesem smarten Thermostat die Heizkosten halbieren",
        ],
    ),
    "it": _locale(
        "it", "it-IT", "it_IT",
        sections=["Esteri", "Politica", "Economia", "Sicurezza", "Opinioni", "Cultura", "Scienze", "Sport", "Video", "Podcast"],
        topics=["Elezioni", "Difesa", "Diplomazia", "Giustizia", "Migranti", "Energia", "Clima", "Salute", "Tecnologia", "Parlamento", "Proteste", "Diritti umani", "Intelligence", "Commercio"],
        places=["Europa", "Africa", "Medio Oriente", "Asia", "America Latina", "Stati Uniti", "Regno Unito", "Francia", "Germania", "Russia", "Ucraina", "Cina", "India", "Brasile", "Nigeria", "Turchia"],
        ui={
            "home": "Home", "search": "Cerca", "menu": "Menu", "skip": "Vai al contenuto", "subscribe": "Abbonati",
            "login": "Accedi", "newsletter_title": "La newsletter del mattino",
            "newsletter_text": "Le notizie più importanti della giornata nella tua casella di posta prima di colazione. Gratis, dal lunedì al venerdì.",
            "email": "Il tuo indirizzo email", "signup": "Iscriviti", "cookie_title": "La tua privacy è importante per noi",
            "cookie_text": "Noi e i nostri partner utilizziamo cookie e tecnologie simili per archiviare e accedere a informazioni sul tuo dispositivo, misurare il pubblico, mostrarti pubblicità personalizzata e migliorare i nostri servizi. Puoi accettare, rifiutare o personalizzare le tue scelte in qualsiasi momento dal link «Preferenze privacy» in fondo a ogni pagina.",
            "accept": "Accetta tutto", "reject": "Rifiuta", "settings": "Personalizza", "share": "Condividi",
            "copy_link": "Copia link", "print": "Stampa", "related": "Articoli correlati", "most_read": "I più letti",
            "read_also": "Leggi anche", "latest": "Ultime notizie", "comments": "Commenti", "reply": "Rispondi",
            "like": "Mi piace", "report": "Segnala", "write_comment": "Partecipa alla discussione",
            "login_to_comment": "Accedi o registrati per commentare. I commenti sono moderati secondo le nostre regole.",
            "load_more": "Mostra altri commenti", "advert": "Pubblicità", "sponsored": "Contenuto sponsorizzato",
            "about": "Chi siamo", "contact": "Contatti", "careers": "Lavora con noi", "terms": "Termini e condizioni",
            "privacy": "Informativa privacy", "cookies": "Cookie policy", "accessibility": "Accessibilità",
            "advertise": "Pubblicità su questo sito", "corrections": "Rettifiche", "standards": "Codice etico",
            "rights": "Tutti i diritti riservati.", "follow": "Seguici", "apps": "Scarica le nostre app", "by": "di",
            "published": "Pubblicato il", "updated": "Aggiornato il", "read_time": "Lettura {n} min",
            "listen": "Ascolta l'articolo", "live": "Diretta", "key_events": "I momenti chiave",
            "paywall_title": "Questo articolo è riservato agli abbonati",
            "paywall_text": "Il giornalismo indipendente ha un costo. Abbonati per continuare a leggere e avere accesso illimitato a tutti gli articoli, le analisi e l'archivio.",
            "paywall_offer": "1 € il primo mese, poi 9,99 € al mese. Disdici quando vuoi.",
            "paywall_login": "Sei già abbonato? Accedi", "tags": "Argomenti", "back_to_top": "Torna su",
            "breaking": "Ultim'ora", "more_in": "Altro da {section}", "poll_question": "Il voto dovrebbe essere esteso ai sedicenni?",
            "poll_yes": "Sì", "poll_no": "No", "vote": "Vota", "weather": "Meteo", "photo": "Foto",
            "previous": "Articolo precedente", "next": "Articolo successivo", "archive": "Archivio",
        },
        months=["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
        weekdays=["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
        date="{d} {month} {y}", time="{H}:{M}", tagline="Notizie dall'Italia e dal mondo",
        headlines=[
            "Debito, i ministri delle Finanze divisi sull'alleggerimento per i Paesi più poveri",
            "La Marina intercetta una nave carica di armi al largo del Corno d'Africa",
            "Il leader dell'opposizione rientra dall'esilio accolto dalla folla",
            "Il Parlamento approva il bilancio d'emergenza dopo una seduta notturna",
            "Confini, trattative in stallo tra accuse reciproche",
            "Ex capo dei servizi accusato di aver diffuso documenti riservati",
            "L'organizzazione regionale sospende uno Stato membro dopo il voto contestato",
            "Carburante introvabile, proteste in tre capoluoghi",
            "Il governo supera la sfiducia per quattro voti",
            "L'inviato dell'Onu avverte: rischio carestia",
            "La giunta promette elezioni entro due anni, l'opposizione non ci crede",
            "Il Viminale vieta le manifestazioni prima del referendum",
        ],
        comments=[
            "Si vedeva da mesi, solo il governo faceva finta di niente.",
            "Bell'articolo, ma avrei voluto sentire di più chi vive lì.",
            "La vera domanda è: a chi giova tutto questo caos?",
            "Ho vissuto lì diversi anni, non mi stupisce affatto.",
            "Un'altra transizione che durerà dieci anni. Film già visto.",
            "E l'economia? La gente non arriva a fine mese.",
            "Le sanzioni da sole non servono, colpiscono solo la popolazione.",
            "Almeno i tribunali sembrano ancora fare il loro lavoro.",
            "Da dove viene il dato sull'affluenza? Mi sembra alto.",
            "Che tristezza. Spero che i miei amici laggiù stiano bene.",
            "Aspettiamo i risultati ufficiali prima di trarre conclusioni.",
            "La comunità internazionale fa comunicati e poi non fa nulla. Come sempre.",
        ],
        names=["cittadino_del_mondo", "GiuliaR", "Franco B.", "lettore_attento", "Vale_88", "Paolo C.", "Chiara M", "Luca T.", "l_osservatore", "Sara G", "Beppe", "Marta_L"],
        sponsored=[
            "Perché tanti pensionati si trasferiscono in questo borgo sul mare",
            "La semplice abitudine mattutina consigliata dai medici",
            "I dieci viaggi in treno più belli del mondo",
            "Questo termostato intelligente può dimezzare la bolletta",
        ],
    ),
    "ru": _locale(
        "ru", "ru-RU", "ru_RU",
        sections=["В мире", "Политика", "Экономика", "Безопасность", "Мнения", "Культура", "Наука", "Спорт", "Видео", "Подкасты"],
        topics=["Выборы", "Оборона", "Дипломатия", "Суд", "Миграция", "Энергетика", "Климат", "Здоровье", "Технологии", "Парламент", "Протесты", "Права человека", "Спецслужбы", "Торговля"],
        places=["Европа", "Африка", "Ближний Восток", "Азия", "Латинская Америка", "США", "Великобритания", "Франция", "Германия", "Россия", "Украина", "Китай", "Индия", "Бразилия", "Нигерия", "Турция"],
        ui={
            "home": "Главная", "search": "Поиск", "menu": "Меню", "skip": "Перейти к содержанию", "subscribe": "Подписаться",
            "login": "Войти", "newsletter_title": "Утренняя рассылка",
            "newsletter_text": "Главные новости дня каждое утро на вашу почту. Бесплатно, по будням.",
            "email": "Ваш e-mail", "signup": "Подписаться на рассылку", "cookie_title": "Мы используем файлы cookie",
            "cookie_text": "Мы и наши партнёры используем файлы cookie и похожие технологии, чтобы хранить и получать информацию на вашем устройстве, измерять посещаемость, показывать персонализированную рекламу и улучшать наши сервисы. Продолжая пользоваться сайтом, вы соглашаетесь с политикой обработки данных. Изменить настройки можно в любой момент по ссылке внизу страницы.",
            "accept": "Принять", "reject": "Отказаться", "settings": "Настроить", "share": "Поделиться",
            "copy_link": "Скопировать ссылку", "print": "Печать", "related": "Материалы по теме", "most_read": "Самое читаемое",
            "read_also": "Читайте также", "latest": "Лента новостей", "comments": "Комментарии", "reply": "Ответить",
            "like": "Нравится", "report": "Пожаловаться", "write_comment": "Обсуждение",
            "login_to_comment": "Чтобы оставить комментарий, войдите или зарегистрируйтесь. Комментарии модерируются в соответствии с правилами.",
            "load_more": "Показать ещё комментарии", "advert": "Реклама", "sponsored": "Партнёрский материал",
            "about": "О редакции", "contact": "Контакты", "careers": "Вакансии", "terms": "Правила использования",
            "privacy": "Политика конфиденциальности", "cookies": "Использование cookie", "accessibility": "Версия для слабовидящих",
            "advertise": "Рекламодателям", "corrections": "Исправления", "standards": "Редакционная политика",
            "rights": "Все права защищены.", "follow": "Мы в соцсетях", "apps": "Мобильные приложения", "by": "Автор:",
            "published": "Опубликовано", "updated": "Обновлено", "read_time": "{n} мин чтения", "listen": "Слушать",
            "live": "Онлайн", "key_events": "Главное", "paywall_title": "Материал доступен по подписке",
            "paywall_text": "Независимая журналистика требует ресурсов. Оформите подписку, чтобы дочитать материал и получить неограниченный доступ ко всем публикациям и архиву.",
            "paywall_offer": "Первый месяц — 1 ₽, далее 299 ₽ в месяц. Отменить можно в любой момент.",
            "paywall_login": "Уже есть подписка? Войти", "tags": "Темы", "back_to_top": "Наверх", "breaking": "Срочно",
            "more_in": "Ещё в разделе «{section}»", "poll_question": "Нужно ли снизить возраст голосования до 16 лет?",
            "poll_yes": "Да", "poll_no": "Нет", "vote": "Голосовать", "weather": "Погода", "photo": "Фото",
            "previous": "Предыдущий материал", "next": "Следующий материал", "archive": "Архив",
        },
        months=["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
        weekdays=["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"],
        date="{d} {month} {y}", time="{H}:{M}", tagline="Новости России и мира",
        headlines=[
            "Министры финансов разошлись во мнениях о списании долгов беднейшим странам",
            "ВМС задержали судно с оружием у берегов Африканского Рога",
            "Лидер оппозиции вернулся из эмиграции",
            "Парламент утвердил экстренный бюджет после ночного заседания",
            "Переговоры о границе зашли в тупик",
            "Бывшему главе разведки предъявлено обвинение в разглашении гостайны",
            "Региональный блок приостановил членство страны после спорных выборов",
            "Дефицит топлива вызвал протесты в трёх региональных центрах",
            "Правительство пережило вотум недоверия с перевесом в четыре голоса",
            "Спецпосланник ООН предупредил об угрозе голода",
            "Военные пообещали провести выборы через два года",
            "МВД запретило массовые акции накануне референдума",
        ],
        comments=[
            "Это было понятно ещё несколько месяцев назад.",
            "Хороший материал, но хотелось бы больше мнений местных жителей.",
            "Главный вопрос — кому всё это выгодно.",
            "Жил там несколько лет, ничего удивительного.",
            "Очередной переходный период лет на десять. Знакомая история.",
            "А что с экономикой? Люди еле сводят концы с концами.",
            "Санкции сами по себе ничего не решают, страдают обычные люди.",
            "Хорошо хоть суды ещё работают.",
            "Откуда такие данные о явке? Кажутся завышенными.",
            "Грустно. Надеюсь, у моих знакомых там всё в порядке.",
            "Давайте дождёмся официальных итогов.",
            "Международное сообщество делает заявления и ничего больше.",
        ],
        names=["Наблюдатель", "ivan_p", "Ольга С.", "читатель_из_Твери", "Сергей К", "Marina_78", "Алексей", "Гость", "dmitry.v", "Татьяна", "Николай Р.", "skeptik"],
        sponsored=[
            "Почему пенсионеры переезжают в этот приморский город",
            "Врачи советуют эту простую утреннюю привычку",
            "Десять самых красивых железнодорожных маршрутов мира",
            "Умный термостат поможет сократить расходы на отопление",
        ],
    ),
    "ar": _locale(
        "ar", "ar", "ar_AR",
        sections=["العالم", "سياسة", "اقتصاد", "أمن", "آراء", "ثقافة", "علوم", "رياضة", "فيديو", "بودكاست"],
        topics=["انتخابات", "دفاع", "دبلوماسية", "قضاء", "هجرة", "طاقة", "مناخ", "صحة", "تكنولوجيا", "برلمان", "احتجاجات", "حقوق الإنسان", "استخبارات", "تجارة"],
        places=["أوروبا", "أفريقيا", "الشرق الأوسط", "آسيا", "أمريكا اللاتينية", "الولايات المتحدة", "بريطانيا", "فرنسا", "ألمانيا", "روسيا", "أوكرانيا", "الصين", "الهند", "البرازيل", "نيجيريا", "تركيا"],
        ui={
            "home": "الرئيسية", "search": "بحث", "menu": "القائمة", "skip": "انتقل إلى المحتوى", "subscribe": "اشترك",
            "login": "تسجيل الدخول", "newsletter_title": "النشرة الصباحية",
            "newsletter_text": "أهم أخبار اليوم في بريدك الإلكتروني كل صباح. مجانا من الاثنين إلى الجمعة.",
            "email": "بريدك الإلكتروني", "signup": "اشترك الآن", "cookie_title": "نحن نحترم خصوصيتك",
            "cookie_text": "نستخدم نحن وشركاؤنا ملفات تعريف الارتباط وتقنيات مشابهة لتخزين المعلومات على جهازك والوصول إليها، وقياس عدد الزوار، وعرض إعلانات مخصصة، وتحسين خدماتنا. يمكنك القبول أو الرفض أو تعديل اختياراتك في أي وقت عبر رابط إعدادات الخصوصية أسفل كل صفحة.",
            "accept": "قبول الكل", "reject": "رفض", "settings": "الإعدادات", "share": "شارك", "copy_link": "نسخ الرابط",
            "print": "طباعة", "related": "أخبار ذات صلة", "most_read": "الأكثر قراءة", "read_also": "اقرأ أيضا",
            "latest": "آخر الأخبار", "comments": "التعليقات", "reply": "رد", "like": "أعجبني", "report": "إبلاغ",
            "write_comment": "أضف تعليقك",
            "login_to_comment": "سجل الدخول أو أنشئ حسابا للتعليق. تخضع التعليقات للمراجعة وفق قواعد النشر.",
            "load_more": "عرض المزيد من التعليقات", "advert": "إعلان", "sponsored": "محتوى برعاية", "about": "من نحن",
            "contact": "اتصل بنا", "careers": "وظائف", "terms": "شروط الاستخدام", "privacy": "سياسة الخصوصية",
            "cookies": "سياسة ملفات الارتباط", "accessibility": "إمكانية الوصول", "advertise": "أعلن معنا",
            "corrections": "تصويبات", "standards": "الميثاق التحريري", "rights": "جميع الحقوق محفوظة.", "follow": "تابعونا",
            "apps": "حمل تطبيقاتنا", "by": "بقلم", "published": "نشر في", "updated": "آخر تحديث",
            "read_time": "{n} دقائق للقراءة", "listen": "استمع إلى المقال", "live": "مباشر", "key_events": "أبرز الأحداث",
            "paywall_title": "هذا المقال متاح للمشتركين فقط",
            "paywall_text": "الصحافة المستقلة تحتاج إلى دعم قرائها. اشترك لمتابعة القراءة والحصول على وصول غير محدود إلى جميع مقالاتنا وتحليلاتنا.",
            "paywall_offer": "دولار واحد للشهر الأول، ثم 9.99 دولار شهريا. يمكنك الإلغاء في أي وقت.",
            "paywall_login": "مشترك بالفعل؟ سجل الدخول", "tags": "مواضيع", "back_to_top": "العودة إلى الأعلى",
            "breaking": "عاجل", "more_in": "المزيد من {section}", "poll_question": "هل تؤيد خفض سن التصويت إلى 16 عاما؟",
            "poll_yes": "نعم", "poll_no": "لا", "vote": "صوت", "weather": "الطقس", "photo": "صورة",
            "previous": "المقال السابق", "next": "المقال التالي", "archive": "الأرشيف",
        },
        months=["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
        weekdays=["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
        date="{d} {month} {y}", time="{H}:{M}", tagline="أخبار العالم العربي والعالم",
        headlines=[
            "وزراء المالية يختلفون حول تخفيف ديون الدول الأشد فقرا",
            "البحرية تعترض سفينة محملة بالأسلحة قبالة القرن الأفريقي",
            "زعيم المعارضة يعود من المنفى وسط استقبال حاشد",
            "البرلمان يقر ميزانية طارئة بعد جلسة استمرت حتى الفجر",
            "تعثر مفاوضات ترسيم الحدود وسط اتهامات متبادلة",
            "توجيه اتهامات لرئيس سابق للاستخبارات بتسريب وثائق سرية",
            "تكتل إقليمي يعلق عضوية دولة بعد انتخابات متنازع عليها",
            "أزمة الوقود تشعل احتجاجات في ثلاث مدن",
            "الحكومة تنجو من سحب الثقة بفارق أربعة أصوات",
            "المبعوث الأممي يحذر من خطر المجاعة",
            "المجلس العسكري يعد بانتخابات خلال عامين",
            "وزارة الداخلية تحظر التجمعات قبل الاستفتاء",
        ],
        comments=[
            "كان هذا متوقعا منذ أشهر لكن لا أحد يستمع.",
            "تقرير جيد لكن كنت أتمنى سماع آراء السكان.",
            "السؤال الحقيقي هو من المستفيد من كل هذه الفوضى.",
            "عشت هناك سنوات ولا يفاجئني شيء من هذا.",
            "مرحلة انتقالية أخرى ستستمر عشر سنوات.",
            "وماذا عن الاقتصاد؟ الناس لا تجد ما تأكله.",
            "العقوبات وحدها لا تنفع بل تضر بالمواطن البسيط.",
            "على الأقل ما زال القضاء يقوم بعمله.",
            "من أين جاء رقم نسبة المشاركة؟ يبدو مرتفعا.",
            "خبر محزن، أتمنى أن يكون أصدقائي هناك بخير.",
            "لننتظر النتائج الرسمية قبل إصدار الأحكام.",
            "المجتمع الدولي يكتفي بالبيانات كالعادة.",
        ],
        names=["أبو أحمد", "سارة م", "مواطن عربي", "خالد_85", "ليلى", "محمود ع.", "قارئ دائم", "يوسف", "نور", "عمر", "هدى س", "زائر"],
        sponsored=[
            "لماذا ينتقل المتقاعدون إلى هذه المدينة الساحلية",
            "عادة صباحية بسيطة ينصح بها الأطباء",
            "أجمل عشر رحلات بالقطار في العالم",
            "جهاز ذكي قد يخفض فاتورة الكهرباء إلى النصف",
        ],
    ),
}  # fmt: skip

# Where each site family lives, per language it publishes in: (brand, domain). Domains are under the reserved
# .example top-level domain.
BRANDS: dict[str, dict[str, tuple[str, str]]] = {
    "wordpress": {
        "en": ("The Harbour Ledger", "harbourledger.example"),
        "fr": ("Le Courrier de l'Estuaire", "courrier-estuaire.example"),
        "es": ("El Heraldo del Valle", "heraldodelvalle.example"),
        "de": ("Rheintaler Rundschau", "rheintaler-rundschau.example"),
        "it": ("La Gazzetta di Valmarina", "gazzettavalmarina.example"),
    },
    "react_ssr": {
        "en": ("Meridian News", "meridian-news.example"),
        "fr": ("Méridien Info", "fr.meridian-news.example"),
        "pt": ("Meridiano Notícias", "pt.meridian-news.example"),
        "it": ("Meridiano", "it.meridian-news.example"),
        "ar": ("ميريديان عربي", "ar.meridian-news.example"),
    },
    "liveblog": {
        "en": ("Northbridge Post", "northbridgepost.example"),
        "fr": ("Le Veilleur", "leveilleur.example"),
        "de": ("Tagesblick", "tagesblick.example"),
    },
    "divbr": {
        "en": ("Valley Star-Courier", "valleystarcourier.example"),
        "es": ("Diario La Frontera", "diariolafrontera.example"),
        "pt": ("Correio do Cerrado", "correiodocerrado.example"),
    },
    "inline_ads": {
        "en": ("Capital Dispatch", "capitaldispatch.example"),
        "es": ("Crónica Global", "cronicaglobal.example"),
        "de": ("Stadtanzeiger Nord", "stadtanzeiger-nord.example"),
        "it": ("Il Quotidiano del Nord-Est", "quotidianonordest.example"),
        "ar": ("الأفق", "alufuq-news.example"),
    },
    "comments": {
        "en": ("The Civic Review", "civicreview.example"),
        "fr": ("L'Observateur du Soir", "observateurdusoir.example"),
        "pt": ("Diário do Litoral", "diariodolitoral.example"),
        "it": ("Il Dibattito", "ildibattito.example"),
    },
    "russian_portal": {"ru": ("Северный вестник", "severny-vestnik.example")},
    "amp": {
        "en": ("Coastline Times", "coastlinetimes.example"),
        "fr": ("Info Azur", "infoazur.example"),
        "es": ("Noticias del Sur", "noticiasdelsur.example"),
        "de": ("Hanse Nachrichten", "hanse-nachrichten.example"),
        "ru": ("Новый курьер", "novkurier.example"),
    },
    "paywall": {
        "en": ("The Strategic Weekly", "strategicweekly.example"),
        "fr": ("L'Hebdo Stratégique", "hebdostrategique.example"),
        "pt": ("Revista Panorama", "revistapanorama.example"),
        "de": ("Der Lagebericht", "lagebericht.example"),
        "ru": ("Деловой обозреватель", "delovoy-obozrevatel.example"),
    },
    "arabic_rtl": {"ar": ("الرائد نت", "alraid-net.example")},
    "table_layout": {
        "en": ("Tri-County Gazette Online", "tricountygazette.example"),
        "es": ("El Vocero Digital", "elvocerodigital.example"),
        "pt": ("Gazeta do Interior", "gazetadointerior.example"),
        "it": ("La Voce di Borgomonte", "vocediborgomonte.example"),
    },
}

# Tuning templates may be looked at while building an extractor; held-out ones only measure it.
SPLITS: dict[str, str] = {
    "wordpress": "tuning", "react_ssr": "tuning", "liveblog": "tuning", "divbr": "tuning",
    "inline_ads": "tuning", "comments": "tuning", "russian_portal": "tuning",
    "amp": "heldout", "paywall": "heldout", "arabic_rtl": "heldout", "table_layout": "heldout",
}  # fmt: skip

# Which template renders which article: every language in both splits (Russian and Arabic through their own
# portals on one side and the multilingual templates on the other); the live articles on the live blog.
ASSIGNMENT: dict[str, str] = {
    "en-01": "wordpress", "en-02": "react_ssr", "en-03": "inline_ads", "en-04": "comments", "en-05": "liveblog",
    "en-06": "amp", "en-07": "divbr", "en-08": "paywall", "en-09": "react_ssr", "en-10": "comments",
    "en-11": "amp", "en-12": "table_layout",
    "fr-01": "wordpress", "fr-02": "paywall", "fr-03": "liveblog", "fr-04": "comments", "fr-05": "react_ssr",
    "fr-06": "amp",
    "es-01": "divbr", "es-02": "inline_ads", "es-03": "amp", "es-04": "wordpress", "es-05": "table_layout",
    "pt-01": "divbr", "pt-02": "react_ssr", "pt-03": "paywall", "pt-04": "comments", "pt-05": "table_layout",
    "de-01": "inline_ads", "de-02": "liveblog", "de-03": "paywall", "de-04": "wordpress", "de-05": "amp",
    "it-01": "react_ssr", "it-02": "inline_ads", "it-03": "comments", "it-04": "table_layout", "it-05": "wordpress",
    "ru-01": "russian_portal", "ru-02": "russian_portal", "ru-03": "amp", "ru-04": "russian_portal", "ru-05": "paywall",
    "ar-01": "arabic_rtl", "ar-02": "react_ssr", "ar-03": "arabic_rtl", "ar-04": "inline_ads", "ar-05": "arabic_rtl",
}  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------
# The model.


@dataclass(frozen=True)
class Article:
    """One article of articles.json."""

    id: str
    language: str
    title: str
    author: str
    published: str
    paragraphs: tuple[str, ...]
    subheadings: tuple[tuple[int, str], ...] = ()  # (index of the paragraph it precedes, text)
    pull_quote: str | None = None
    caption: str | None = None
    dateline: str | None = None  # the city of a wire-style opening ("BISHKEK, 8 Apr —")
    kind: str = "article"  # or "live"

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.published)

    def blocks(self) -> list[tuple[str, str]]:
        """("h", subheading) and ("p", paragraph) in reading order."""
        before = dict(self.subheadings)
        out: list[tuple[str, str]] = []
        for index, paragraph in enumerate(self.paragraphs):
            if index in before:
                out.append(("h", before[index]))
            out.append(("p", paragraph))
        return out

    def word_count(self) -> int:
        return sum(len(paragraph.split()) for paragraph in self.paragraphs)


@dataclass(frozen=True)
class Gold:
    """What a perfect extractor returns for a page."""

    title: str
    text: str  # the body blocks, one a line
    author: str
    published: str
    language: str
    optional: tuple[str, ...]  # on the page, counted neither way: caption, pull quote, dateline, live-post times


@dataclass(frozen=True)
class Page:
    id: str
    split: str  # "tuning" | "heldout"
    template: str
    url: str
    html: str
    gold: Gold


@dataclass(frozen=True)
class Rendered:
    html: str
    body: list[str]  # the gold blocks, in page order
    optional: list[str]


def load_articles(path: Path = ARTICLES_FILE) -> list[Article]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [
        Article(
            id=item["id"],
            language=item["language"],
            title=item["title"],
            author=item["author"],
            published=item["published"],
            paragraphs=tuple(item["paragraphs"]),
            subheadings=tuple((int(s["before"]), s["text"]) for s in item.get("subheadings", ())),
            pull_quote=item.get("pull_quote"),
            caption=item.get("caption"),
            dateline=item.get("dateline"),
            kind=item.get("kind", "article"),
        )
        for item in raw
    ]


# ---------------------------------------------------------------------------------------------------------------
# Small helpers.


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def esc_ascii(text: str) -> str:
    """Escaped the way old sites write: every non-ASCII letter as a numeric character reference."""
    return esc(text).encode("ascii", "xmlcharrefreplace").decode("ascii")


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:72].rstrip("-")


def json_script(data: Any, kind: str = "application/ld+json", attrs: str = "") -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="{kind}"{attrs}>{text}</script>'


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?…])(\s|$)", text)
    return match.group(1) if match else text


def hexid(rng: random.Random, length: int = 8) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(length))


def body_html(
    blocks: list[tuple[str, str]],
    paragraph: Callable[[str], str],
    heading: Callable[[str], str],
    after: dict[int, str] | None = None,
) -> str:
    """The blocks rendered one by one, with after[i] (ads, asides, quotes) placed after block i."""
    out = []
    for index, (kind, text) in enumerate(blocks):
        out.append(heading(text) if kind == "h" else paragraph(text))
        if after and index in after:
            out.append(after[index])
    return "\n".join(out)


def block_texts(blocks: list[tuple[str, str]]) -> list[str]:
    return [text for _, text in blocks]


# ---------------------------------------------------------------------------------------------------------------
# Generated volume: CSS, JavaScript, SVG icons and JSON state, the bulk of a real page's bytes.

CODE_WORDS = (
    "header", "nav", "menu", "item", "link", "card", "teaser", "grid", "media", "image", "title", "label", "button",
    "icon", "wrapper", "container", "article", "body", "footer", "banner", "promo", "slot", "rail", "list", "badge",
    "overlay", "modal", "consent", "share", "social", "author", "meta", "caption", "ticker", "section", "topic",
    "player", "video", "gallery", "search", "form", "input", "toggle", "sticky", "dropdown", "carousel", "pager",
    "newsletter", "paywall", "comment", "avatar", "tracking", "viewport", "lazy", "skeleton", "layout", "column",
)  # fmt: skip
CSS_PROPERTIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("display", ("block", "flex", "grid", "none", "inline-block", "inline-flex")),
    ("margin", ("0", "0 auto", "4px 0", "0 0 16px", "8px 12px", "24px 0 0")),
    ("padding", ("0", "4px 8px", "12px 16px", "16px", "0 24px", "2px 6px 3px")),
    ("color", ("#121212", "#333", "#5a5a5a", "#fff", "#c00018", "#0a58a5", "var(--text-primary)", "inherit")),
    ("background-color", ("#fff", "#f4f4f4", "#121212", "transparent", "var(--surface-2)", "rgba(0,0,0,.6)")),
    ("font-size", ("12px", "14px", "1rem", "1.125rem", "1.5rem", "2.25rem", ".8125rem", "clamp(1.5rem,4vw,2.75rem)")),
    ("line-height", ("1", "1.2", "1.35", "1.5", "1.6", "24px")),
    ("font-weight", ("400", "500", "600", "700", "800")),
    ("font-family", ("var(--font-sans)", "var(--font-serif)", "Georgia,serif", "Helvetica,Arial,sans-serif")),
    ("border", ("0", "1px solid #dcdcdc", "1px solid currentColor", "2px solid var(--brand)")),
    ("border-radius", ("0", "2px", "4px", "50%", "999px")),
    ("position", ("relative", "absolute", "sticky", "fixed", "static")),
    ("z-index", ("1", "2", "10", "100", "9999")),
    ("width", ("100%", "auto", "24px", "320px", "calc(100% - 32px)", "50%")),
    ("max-width", ("1280px", "640px", "100%", "72ch")),
    ("height", ("auto", "100%", "48px", "1px", "0")),
    ("align-items", ("center", "flex-start", "baseline", "stretch")),
    ("justify-content", ("space-between", "center", "flex-end", "flex-start")),
    ("gap", ("4px", "8px", "16px", "24px")),
    ("text-transform", ("uppercase", "none")),
    ("letter-spacing", (".02em", ".08em", "0")),
    ("transition", ("opacity .2s ease", "transform .3s cubic-bezier(.4,0,.2,1)", "color .15s")),
    ("opacity", ("0", ".6", ".85", "1")),
    ("overflow", ("hidden", "auto", "visible")),
    ("box-shadow", ("0 1px 2px rgba(0,0,0,.12)", "0 4px 16px rgba(0,0,0,.18)", "none")),
    ("grid-template-columns", ("repeat(12,1fr)", "1fr 320px", "repeat(auto-fill,minmax(240px,1fr))")),
)
MEDIA_QUERIES = ("(min-width:600px)", "(min-width:1024px)", "(max-width:599px)", "(prefers-color-scheme:dark)", "print")


def css_class(rng: random.Random, prefix: str) -> str:
    style = rng.randrange(3)
    if style == 0:  # BEM
        name = f"{prefix}-{rng.choice(CODE_WORDS)}__{rng.choice(CODE_WORDS)}"
        return name + (f"--{rng.choice(CODE_WORDS)}" if rng.random() < 0.4 else "")
    if style == 1:  # CSS-in-JS hashes
        return f"css-{hexid(rng, 6)}"
    return f"{prefix}-{rng.choice(CODE_WORDS)}-{rng.choice(CODE_WORDS)}"


def css_rule(rng: random.Random, prefix: str) -> str:
    selector = "." + css_class(rng, prefix)
    if rng.random() < 0.3:
        selector += rng.choice((" > a", ":hover", " ." + css_class(rng, prefix), "::before", ":focus-visible", " img"))
    declarations = ";".join(
        f"{name}:{rng.choice(values)}" for name, values in rng.sample(CSS_PROPERTIES, rng.randint(2, 7))
    )
    return selector + "{" + declarations + "}"


def css_blob(rng: random.Random, size: int, prefix: str) -> str:
    """About `size` bytes of minified stylesheet, custom properties first."""
    parts = [":root{" + ";".join(f"--{rng.choice(CODE_WORDS)}-{i}:#{hexid(rng, 6)}" for i in range(40)) + "}"]
    length = len(parts[0])
    while length < size:
        if rng.random() < 0.12:
            rules = "".join(css_rule(rng, prefix) for _ in range(rng.randint(3, 9)))
            chunk = "@media " + rng.choice(MEDIA_QUERIES) + "{" + rules + "}"
        else:
            chunk = css_rule(rng, prefix)
        parts.append(chunk)
        length += len(chunk)
    return "".join(parts)


def js_identifier(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice("etnrioaucslfdpmh") + rng.choice(("", "", str(rng.randrange(10)), rng.choice("tnrio")))
    first, second = rng.choice(CODE_WORDS), rng.choice(CODE_WORDS)
    return first + second[:1].upper() + second[1:]


def js_statement(rng: random.Random) -> str:
    a, b, c, d = (js_identifier(rng) for _ in range(4))
    w1, w2, w3 = (rng.choice(CODE_WORDS) for _ in range(3))
    n = rng.randrange(2, 99999)
    pick = rng.randrange(9)
    if pick == 0:
        return f"function {a}({b},{c}){{var {d}={b}.{w1}||{{}};return void 0!=={d}[{c}]?{d}[{c}]:{n}}}"
    if pick == 1:
        return f'var {a}=["{w1}","{w2}","{w3}"].map(function({b}){{return"{w1}-"+{b}}});'
    if pick == 2:
        return f'{a}.prototype.{w1}=function({b}){{this._{w2}={b};this.emit("{w3}:{w1}",{b});return this}};'
    if pick == 3:
        return f'window.{a}=window.{a}||[];window.{a}.push({{event:"{w1}_{w2}",{w3}:{n},ts:Date.now()}});'
    if pick == 4:
        return f'if(document.querySelector(".{w1}-{w2}")){{{a}("{w3}",{n},function({b}){{return {b}&&{b}.{w1}}})}}'
    if pick == 5:
        return f'{n}:function({b},{c},{d}){{"use strict";{d}.r({c});{d}.d({c},{{{w1}:function(){{return {a}}}}});var {a}={d}({rng.randrange(100, 999)})}},'
    if pick == 6:
        return f'try{{{a}=JSON.parse(localStorage.getItem("{w1}.{w2}")||"{{}}")}}catch({b}){{{a}={{}}}}'
    if pick == 7:
        return f'Object.defineProperty({a},"{w1}",{{enumerable:!0,get:function(){{return {b}.{w2}[{c}]}}}});'
    return f"for(var {b}=0,{c}={a}.length;{b}<{c};{b}++){{{d}.{w1}({a}[{b}],{n})}}"


def js_blob(rng: random.Random, size: int) -> str:
    """About `size` bytes of minified-looking script (no "</script" in it)."""
    parts = ["!function(){"]
    length = 12
    while length < size:
        statement = js_statement(rng)
        parts.append(statement)
        length += len(statement)
    parts.append("}();")
    return "".join(parts)


def svg_path(rng: random.Random) -> str:
    commands = [f"M{rng.randrange(24)}.{rng.randrange(10)} {rng.randrange(24)}.{rng.randrange(10)}"]
    for _ in range(rng.randint(6, 30)):
        op = rng.choice("lLcCsShHvVaA")
        count = {"l": 2, "c": 6, "s": 4, "h": 1, "v": 1, "a": 7}[op.lower()]
        commands.append(op + " ".join(f"{rng.uniform(-12, 24):.2f}" for _ in range(count)))
    return "".join(commands) + "z"


def svg_sprite(rng: random.Random, count: int) -> str:
    names = ("facebook", "x", "whatsapp", "telegram", "linkedin", "email", "print", "search", "menu", "close", "arrow",
             "chevron", "play", "pause", "volume", "user", "bookmark", "comment", "share", "clock", "camera", "live")  # fmt: skip
    symbols = "".join(
        f'<symbol id="icon-{names[i % len(names)]}{"" if i < len(names) else i}" viewBox="0 0 24 24"><path d="{svg_path(rng)}"/></symbol>'
        for i in range(count)
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none" aria-hidden="true">{symbols}</svg>'


def feature_flags(rng: random.Random, count: int) -> dict[str, Any]:
    return {
        f"{rng.choice(CODE_WORDS)}_{rng.choice(CODE_WORDS)}_{i}": rng.choice(
            (True, False, rng.randrange(100), f"variant-{rng.choice('abcd')}", [rng.random() for _ in range(3)])
        )
        for i in range(count)
    }


def ad_config(rng: random.Random, slots: int) -> dict[str, Any]:
    return {
        "network": str(rng.randrange(10**7, 10**8)),
        "slots": [
            {
                "id": f"ad-slot-{i}",
                "path": f"/{rng.randrange(10**6)}/news/{rng.choice(CODE_WORDS)}/{rng.choice(CODE_WORDS)}",
                "sizes": [[300, 250], [336, 280], [728, 90], [970, 250]][: rng.randint(1, 4)],
                "targeting": {
                    "pos": f"mid{i}",
                    "kw": [rng.choice(CODE_WORDS) for _ in range(4)],
                    "refresh": rng.random() < 0.5,
                },
                "lazy": {"fetchMarginPercent": 200, "renderMarginPercent": 100, "mobileScaling": 2.0},
            }
            for i in range(slots)
        ],
        "bidders": [{"bidder": f"partner{j}", "params": {"placementId": rng.randrange(10**8)}} for j in range(12)],
    }


# ---------------------------------------------------------------------------------------------------------------
# What every template draws on: the article, the site, its vocabulary and a seeded random source.


@dataclass(frozen=True)
class Story:
    """Another story the page links to (related, most read, ticker)."""

    title: str
    href: str
    teaser: str | None
    when: datetime


@dataclass(frozen=True)
class Comment:
    author: str
    text: str
    when: datetime
    likes: int
    depth: int


@dataclass
class Ctx:
    article: Article
    loc: Locale
    rng: random.Random
    template: str
    brand: str
    domain: str
    others: list[Article]  # the other articles in the page's language
    section: int
    url: str = ""

    @property
    def base(self) -> str:
        return f"https://{self.domain}" if self.domain.count(".") > 1 else f"https://www.{self.domain}"

    @property
    def when(self) -> datetime:
        return self.article.when

    @property
    def section_name(self) -> str:
        return self.loc.sections[self.section]

    @property
    def section_slug(self) -> str:
        return SECTION_SLUGS[self.section]

    def ui(self, key: str, **values: Any) -> str:
        return self.loc.ui[key].format(**values)

    def href(self, *parts: str) -> str:
        return self.base + "/" + "/".join(parts) + ("/" if parts else "")

    def date_text(self, moment: datetime | None = None, weekday: bool = False) -> str:
        moment = moment or self.when
        text = self.loc.date.format(d=moment.day, month=self.loc.months[moment.month - 1], y=moment.year)
        return f"{self.loc.weekdays[moment.weekday()]}, {text}" if weekday else text

    def time_text(self, moment: datetime | None = None) -> str:
        moment = moment or self.when
        return self.loc.time.format(H=f"{moment.hour:02d}", M=f"{moment.minute:02d}")

    def numeric_date(self, moment: datetime | None = None, sep: str = "/") -> str:
        moment = moment or self.when
        return f"{moment.day:02d}{sep}{moment.month:02d}{sep}{moment.year}"

    def slug(self, article: Article | None = None) -> str:
        article = article or self.article
        return slugify(article.title) or str(int(hexid(random.Random(article.id), 7), 16))

    def stories(self, count: int) -> list[Story]:
        """`count` other stories: the other articles in this language and the day's other headlines, shuffled."""
        pool = [
            Story(
                other.title, self.story_href(other.title, other.when), first_sentence(other.paragraphs[0]), other.when
            )
            for other in self.others
        ]
        for index, title in enumerate(self.loc.headlines):
            moment = self.when - timedelta(minutes=37 * (index + 1) + self.rng.randrange(30))
            pool.append(Story(title, self.story_href(title, moment), None, moment))
        self.rng.shuffle(pool)
        return [pool[i % len(pool)] for i in range(count)]

    def story_href(self, title: str, moment: datetime) -> str:
        slug = slugify(title) or str(self.rng.randrange(10**6, 10**7))
        return self.href(SECTION_SLUGS[self.rng.randrange(4)], f"{moment:%Y/%m/%d}", slug)

    def nav_tree(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """The main menu: every section with a sample of topics and places under it, then all places, all topics."""
        tree = []
        for index, name in enumerate(self.loc.sections):
            slug = SECTION_SLUGS[index]
            topics = self.rng.sample(range(len(TOPIC_SLUGS)), self.rng.randint(5, 10))
            places = self.rng.sample(range(len(PLACE_SLUGS)), self.rng.randint(4, 9))
            children = [(self.loc.topics[t], self.href(slug, TOPIC_SLUGS[t])) for t in topics]
            children += [(self.loc.places[p], self.href(slug, PLACE_SLUGS[p])) for p in places]
            tree.append((name, self.href(slug), children))
        tree.append(
            (
                self.loc.ui["tags"],
                self.href("topics"),
                [(name, self.href("topic", TOPIC_SLUGS[i])) for i, name in enumerate(self.loc.topics)],
            )
        )
        return tree

    def service_links(self) -> list[tuple[str, str]]:
        keys = ("about", "contact", "careers", "terms", "privacy", "cookies", "accessibility", "advertise", "corrections", "standards", "apps")  # fmt: skip
        return [(self.loc.ui[key], self.href("info", key)) for key in keys]

    def place_links(self) -> list[tuple[str, str]]:
        return [(name, self.href("world", PLACE_SLUGS[i])) for i, name in enumerate(self.loc.places)]

    def comments(self, count: int) -> list[Comment]:
        out = []
        moment = self.when + timedelta(minutes=self.rng.randint(5, 40))
        for index in range(count):
            text = self.rng.choice(self.loc.comments)
            if self.rng.random() < 0.35:
                text += " " + self.rng.choice(self.loc.comments)
            depth = 0 if index == 0 or self.rng.random() < 0.55 else min(2, self.rng.randint(1, 2))
            author = self.rng.choice(self.loc.names) + (
                str(self.rng.randrange(10, 99)) if self.rng.random() < 0.3 else ""
            )
            out.append(Comment(author, text, moment, self.rng.choice((0, 0, 1, 2, 3, 5, 8, 13, 21, 40, 112)), depth))
            moment += timedelta(minutes=self.rng.randint(1, 25))
        return out

    def author_slug(self) -> str:
        return slugify(self.article.author) or hexid(random.Random(self.article.author), 6)


# ---------------------------------------------------------------------------------------------------------------
# Boilerplate pieces shared by templates, each with a class prefix so no two sites look alike.


def ul_menu(tree: list[tuple[str, str, list[tuple[str, str]]]], cls: str, rng: random.Random) -> str:
    items = []
    for label, href, children in tree:
        item_id = rng.randrange(100, 99999)
        sub = "".join(
            f'<li class="{cls}__item {cls}__item--child menu-item-{rng.randrange(100, 99999)}"><a href="{href_}" class="{cls}__link" data-track="nav|{esc(label_)}">{esc(label_)}</a></li>'
            for label_, href_ in children
        )
        items.append(
            f'<li class="{cls}__item {cls}__item--parent menu-item-has-children menu-item-{item_id}"><a href="{href}" class="{cls}__link" aria-haspopup="true">{esc(label)}</a>'
            f'<ul class="{cls}__sub sub-menu">{sub}</ul></li>'
        )
    return f'<ul class="{cls}">' + "".join(items) + "</ul>"


def link_list(links: Iterable[tuple[str, str]], cls: str) -> str:
    return (
        f'<ul class="{cls}">'
        + "".join(f'<li><a href="{href}">{esc(label)}</a></li>' for label, href in links)
        + "</ul>"
    )


def cookie_banner(ctx: Ctx, style: int) -> str:
    ui = ctx.loc.ui
    if style == 0:  # a consent-management platform's dialog
        purposes = "".join(
            f'<li class="ot-cat-item"><button class="ot-cat-toggle" aria-expanded="false" data-purpose="{i}">{esc(name)}</button>'
            f'<input type="checkbox" class="ot-switch" id="ot-purpose-{i}" {"checked" if i == 0 else ""}></li>'
            for i, name in enumerate((ui["settings"], ui["advert"], ui["cookies"], ui["privacy"]))
        )
        return (
            f'<div id="onetrust-consent-sdk"><div class="onetrust-pc-dark-filter ot-hide"></div><div id="onetrust-banner-sdk" class="otFlat" role="region" aria-label="{esc(ui["cookie_title"])}">'
            f'<div class="ot-sdk-container"><div class="ot-sdk-row"><div id="onetrust-group-container"><div id="onetrust-policy"><h2 id="onetrust-policy-title">{esc(ui["cookie_title"])}</h2>'
            f'<p id="onetrust-policy-text">{esc(ui["cookie_text"])} <a href="{ctx.href("info", "cookies")}">{esc(ui["cookies"])}</a></p></div></div>'
            f'<div id="onetrust-button-group-parent"><div id="onetrust-button-group"><button id="onetrust-pc-btn-handler">{esc(ui["settings"])}</button>'
            f'<button id="onetrust-reject-all-handler">{esc(ui["reject"])}</button><button id="onetrust-accept-btn-handler">{esc(ui["accept"])}</button></div></div></div></div>'
            f'<ul class="ot-cat-grp">{purposes}</ul></div></div>'
        )
    if style == 1:
        return (
            f'<div class="didomi-popup-container" role="dialog" aria-modal="true"><div class="didomi-popup-notice-text"><h1 class="didomi-title">{esc(ui["cookie_title"])}</h1>'
            f'<p>{esc(ui["cookie_text"])}</p></div><div class="didomi-buttons"><button class="didomi-button didomi-button-standard" data-action="disagree">{esc(ui["reject"])}</button>'
            f'<button class="didomi-button didomi-button-highlight" data-action="agree">{esc(ui["accept"])}</button><a class="didomi-learn-more" href="{ctx.href("info", "privacy")}">{esc(ui["settings"])}</a></div></div>'
        )
    return (
        f'<div id="cookie-law-info-bar" data-nosnippet="true"><span>{esc(ui["cookie_text"])}</span>'
        f'<a role="button" class="cli_settings_button">{esc(ui["settings"])}</a> <a role="button" id="cookie_action_close_header" class="cli-plugin-button">{esc(ui["accept"])}</a>'
        f' <a role="button" id="cookie_action_close_header_reject" class="cli-plugin-button">{esc(ui["reject"])}</a></div>'
    )


def newsletter_box(ctx: Ctx, cls: str) -> str:
    ui = ctx.loc.ui
    return (
        f'<div class="{cls}"><p class="{cls}__title">{esc(ui["newsletter_title"])}</p><p class="{cls}__text">{esc(ui["newsletter_text"])}</p>'
        f'<form class="{cls}__form" action="{ctx.href("newsletters", "signup")}" method="post"><label class="visually-hidden" for="nl-{ctx.article.id}">{esc(ui["email"])}</label>'
        f'<input id="nl-{ctx.article.id}" type="email" name="email" placeholder="{esc(ui["email"])}" required><button type="submit">{esc(ui["signup"])}</button></form>'
        f'<p class="{cls}__legal"><a href="{ctx.href("info", "privacy")}">{esc(ui["privacy"])}</a></p></div>'
    )


def share_bar(ctx: Ctx, cls: str) -> str:
    ui = ctx.loc.ui
    networks = (("facebook", "Facebook"), ("x", "X"), ("whatsapp", "WhatsApp"), ("telegram", "Telegram"), ("linkedin", "LinkedIn"), ("email", "E-mail"))  # fmt: skip
    items = "".join(
        f'<li class="{cls}__item {cls}__item--{key}"><a href="https://share.example/{key}?u={esc(ctx.url)}" target="_blank" rel="noopener" aria-label="{esc(ui["share"])} {label}">'
        f'<svg class="icon" aria-hidden="true"><use href="#icon-{key}"></use></svg><span class="visually-hidden">{label}</span></a></li>'
        for key, label in networks
    )
    return (
        f'<div class="{cls}" role="group" aria-label="{esc(ui["share"])}"><span class="{cls}__label">{esc(ui["share"])}</span><ul class="{cls}__list">{items}'
        f'<li class="{cls}__item"><button class="{cls}__copy" data-url="{esc(ctx.url)}">{esc(ui["copy_link"])}</button></li>'
        f'<li class="{cls}__item"><button class="{cls}__print" onclick="window.print()">{esc(ui["print"])}</button></li></ul></div>'
    )


def story_list(
    ctx: Ctx, title: str, stories: list[Story], cls: str, teaser: bool = False, numbered: bool = False
) -> str:
    tag = "ol" if numbered else "ul"
    items = []
    for story in stories:
        extra = f'<p class="{cls}__teaser">{esc(story.teaser)}</p>' if teaser and story.teaser else ""
        items.append(
            f'<li class="{cls}__item"><a class="{cls}__link" href="{story.href}"><span class="{cls}__title">{esc(story.title)}</span></a>{extra}'
            f'<time class="{cls}__time" datetime="{story.when.isoformat()}">{esc(ctx.time_text(story.when))}</time></li>'
        )
    return f'<section class="{cls}"><h2 class="{cls}__heading">{esc(title)}</h2><{tag} class="{cls}__list">{"".join(items)}</{tag}></section>'


def footer_html(ctx: Ctx, cls: str) -> str:
    ui = ctx.loc.ui
    sections = [(name, ctx.href(SECTION_SLUGS[i])) for i, name in enumerate(ctx.loc.sections)]
    topics = [(name, ctx.href("topic", TOPIC_SLUGS[i])) for i, name in enumerate(ctx.loc.topics)]
    social = "".join(
        f'<a class="{cls}__social" href="https://social.example/{name.lower()}/{slugify(ctx.brand) or "site"}" aria-label="{name}"><svg aria-hidden="true"><use href="#icon-{name.lower()}"></use></svg></a>'
        for name in ("Facebook", "X", "Telegram", "LinkedIn")
    )
    return (
        f'<footer class="{cls}" role="contentinfo"><div class="{cls}__brand"><a href="{ctx.base}/">{esc(ctx.brand)}</a><p>{esc(ctx.loc.tagline)}</p></div>'
        f'<nav class="{cls}__nav"><div class="{cls}__col"><h3>{esc(ui["home"])}</h3>{link_list(sections, cls + "__links")}</div>'
        f'<div class="{cls}__col"><h3>{esc(ui["tags"])}</h3>{link_list(topics, cls + "__links")}</div>'
        f'<div class="{cls}__col"><h3>{esc(ctx.loc.sections[0])}</h3>{link_list(ctx.place_links(), cls + "__links")}</div>'
        f'<div class="{cls}__col"><h3>{esc(ctx.brand)}</h3>{link_list(ctx.service_links(), cls + "__links")}</div></nav>'
        f'<div class="{cls}__follow"><span>{esc(ui["follow"])}</span>{social}</div>'
        f'<p class="{cls}__copyright">© {ctx.when.year} {esc(ctx.brand)}. {esc(ui["rights"])}</p>'
        f'<a class="{cls}__top" href="#top">{esc(ui["back_to_top"])}</a></footer>'
    )


def sponsored_widget(ctx: Ctx, cls: str) -> str:
    items = "".join(
        f'<a class="{cls}__item" href="https://ads.example/click?id={hexid(ctx.rng, 12)}" rel="sponsored nofollow"><span class="{cls}__title">{esc(text)}</span>'
        f'<span class="{cls}__brand">{esc(ctx.rng.choice(("Lumière", "Nordhaus", "Vitaplus", "TravelHub")))}</span></a>'
        for text in ctx.loc.sponsored
    )
    return f'<div class="{cls}" data-widget="feed"><span class="{cls}__label">{esc(ctx.loc.ui["sponsored"])}</span>{items}</div>'


def ad_slot(ctx: Ctx, cls: str, index: int) -> str:
    return (
        f'<div class="{cls}" data-ad-slot="{index}"><span class="{cls}__label">{esc(ctx.loc.ui["advert"])}</span>'
        f'<div id="div-gpt-ad-{hexid(ctx.rng, 13)}-{index}" style="min-height:250px"></div></div>'
    )


def data_layer(ctx: Ctx) -> str:
    """The analytics payload most news sites print in the head: author and dates included."""
    payload = {
        "pageType": "article",
        "contentId": ctx.article.id,
        "section": ctx.section_slug,
        "language": ctx.article.language,
        "wordCount": ctx.article.word_count(),
        "publishedAt": ctx.when.isoformat(),
        "author": ctx.article.author,
        "tags": [TOPIC_SLUGS[ctx.rng.randrange(len(TOPIC_SLUGS))] for _ in range(3)],
        "paywall": "free",
        "abTests": feature_flags(ctx.rng, 12),
    }
    return (
        "<script>window.dataLayer=window.dataLayer||[];window.dataLayer.push("
        + json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")
        + ");(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'tm.start':new Date().getTime(),event:'tm.js'});"
        + "var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://tags.example/tm.js?id='+i;"
        + f"f.parentNode.insertBefore(j,f)}})(window,document,'script','dataLayer','TM-{hexid(ctx.rng, 7).upper()}');</script>"
    )


def news_article_ld(ctx: Ctx, kind: str = "NewsArticle", author_list: bool = False, **extra: Any) -> dict[str, Any]:
    article = ctx.article
    author: Any = {"@type": "Person", "name": article.author, "url": ctx.href("author", ctx.author_slug())}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": kind,
        "mainEntityOfPage": {"@type": "WebPage", "@id": ctx.url},
        "headline": article.title,
        "description": first_sentence(article.paragraphs[0]),
        "image": [f"{ctx.base}/media/{hexid(ctx.rng, 10)}/{w}x{w * 9 // 16}.jpg" for w in (1200, 800, 400)],
        "datePublished": ctx.when.isoformat(),
        "dateModified": (ctx.when + timedelta(minutes=ctx.rng.randint(5, 300))).isoformat(),
        "author": [author] if author_list else author,
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": ctx.brand,
            "logo": {"@type": "ImageObject", "url": f"{ctx.base}/static/logo-600x60.png", "width": 600, "height": 60},
        },
        "articleSection": ctx.section_name,
        "inLanguage": ctx.loc.lang_tag,
    }
    data.update(extra)
    return data


def head_meta(ctx: Ctx, description: bool = True, og: bool = True, published_meta: bool = True) -> str:
    article = ctx.article
    parts = []
    if description:
        parts.append(f'<meta name="description" content="{esc(first_sentence(article.paragraphs[0]))}">')
    if og:
        parts += [
            f'<meta property="og:locale" content="{ctx.loc.og_locale}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{esc(article.title)}">',
            f'<meta property="og:description" content="{esc(first_sentence(article.paragraphs[0]))}">',
            f'<meta property="og:url" content="{esc(ctx.url)}">',
            f'<meta property="og:site_name" content="{esc(ctx.brand)}">',
            f'<meta property="og:image" content="{ctx.base}/media/{hexid(ctx.rng, 10)}/1200x675.jpg">',
            '<meta name="twitter:card" content="summary_large_image">',
            f'<meta name="twitter:site" content="@{slugify(ctx.brand).replace("-", "") or "site"}">',
        ]
    if published_meta:
        parts += [
            f'<meta property="article:published_time" content="{ctx.when.isoformat()}">',
            f'<meta property="article:modified_time" content="{(ctx.when + timedelta(minutes=ctx.rng.randint(3, 200))).isoformat()}">',
            f'<meta property="article:section" content="{esc(ctx.section_name)}">',
        ]
    return "\n".join(parts)


def preloads(ctx: Ctx, count: int, kind: str = "script") -> str:
    return "\n".join(
        f'<link rel="preload" as="{kind}" href="{ctx.base}/static/{kind}s/{rng_word(ctx.rng)}-{hexid(ctx.rng, 16)}.{"js" if kind == "script" else "woff2"}"'
        + (' crossorigin="anonymous"' if kind == "font" else "")
        + ">"
        for _ in range(count)
    )


def rng_word(rng: random.Random) -> str:
    return rng.choice(CODE_WORDS)


def image_src(ctx: Ctx, width: int) -> str:
    return f"{ctx.base}/media/{ctx.when:%Y/%m}/{hexid(ctx.rng, 12)}-{width}w.jpg"


def srcset(ctx: Ctx) -> str:
    return ", ".join(f"{image_src(ctx, width)} {width}w" for width in (320, 480, 640, 800, 1024, 1280, 1600))


# ---------------------------------------------------------------------------------------------------------------
# The templates. Each sets ctx.url and returns the page with its gold body blocks and optional texts.


def with_pull_quote(ctx: Ctx, blocks: list[tuple[str, str]], markup: str, optional: list[str]) -> dict[int, str]:
    """{block index: the pull quote's markup} in the middle of the body, if the article has one."""
    if not ctx.article.pull_quote:
        return {}
    optional.append(ctx.article.pull_quote)
    return {len(blocks) // 2: markup.format(quote=esc(ctx.article.pull_quote))}


def render_wordpress(ctx: Ctx) -> Rendered:
    """A WordPress news theme: Yoast JSON-LD graph, sub-menus, Jetpack share and related posts, sidebar
    widgets, a few comments, a cookie-law bar."""
    a, ui, rng = ctx.article, ctx.loc.ui, ctx.rng
    ctx.url = ctx.href(f"{ctx.when:%Y/%m/%d}", ctx.slug())
    post_id = rng.randrange(1000, 99999)
    blocks = a.blocks()
    optional: list[str] = []
    after = with_pull_quote(
        ctx, blocks, '<figure class="wp-block-pullquote"><blockquote><p>{quote}</p></blockquote></figure>', optional
    )
    content = body_html(
        blocks, lambda t: f"<p>{esc(t)}</p>", lambda t: f'<h2 class="wp-block-heading">{esc(t)}</h2>', after
    )
    figure = ""
    if a.caption:
        optional.append(a.caption)
        figure = (
            f'<figure class="wp-block-image size-large"><img decoding="async" width="1024" height="576" src="{image_src(ctx, 1024)}" '
            f'srcset="{srcset(ctx)}" sizes="(max-width: 1024px) 100vw, 1024px" alt=""><figcaption class="wp-element-caption">{esc(a.caption)}</figcaption></figure>'
        )
    tags = [ctx.loc.topics[i] for i in rng.sample(range(len(TOPIC_SLUGS)), 4)]
    person_id = f"{ctx.base}/#/schema/person/{hexid(rng, 32)}"
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "NewsArticle",
                "@id": f"{ctx.url}#article",
                "isPartOf": {"@id": ctx.url},
                "author": {"name": a.author, "@id": person_id},
                "headline": a.title,
                "datePublished": ctx.when.isoformat(),
                "dateModified": (ctx.when + timedelta(hours=2)).isoformat(),
                "wordCount": a.word_count(),
                "keywords": tags,
                "articleSection": [ctx.section_name],
                "inLanguage": ctx.loc.lang_tag,
            },
            {
                "@type": "WebPage",
                "@id": ctx.url,
                "url": ctx.url,
                "name": f"{a.title} - {ctx.brand}",
                "datePublished": ctx.when.isoformat(),
            },
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": ui["home"], "item": ctx.base + "/"},
                    {
                        "@type": "ListItem",
                        "position": 2,
                        "name": ctx.section_name,
                        "item": ctx.href("category", ctx.section_slug),
                    },
                    {"@type": "ListItem", "position": 3, "name": a.title},
                ],
            },
            {
                "@type": "WebSite",
                "@id": f"{ctx.base}/#website",
                "url": ctx.base + "/",
                "name": ctx.brand,
                "description": ctx.loc.tagline,
            },
            {"@type": "Person", "@id": person_id, "name": a.author, "url": ctx.href("author", ctx.author_slug())},
        ],
    }
    comments = ctx.comments(rng.randint(2, 6))
    comment_items = "".join(
        f'<li id="comment-{rng.randrange(10**5)}" class="comment {"even" if i % 2 else "odd"} depth-{c.depth + 1}"><article class="comment-body">'
        f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{esc(c.author)}</b> <span class="says">:</span></div>'
        f'<div class="comment-metadata"><a href="{ctx.url}#comment"><time datetime="{c.when.isoformat()}">{esc(ctx.date_text(c.when))} {esc(ctx.time_text(c.when))}</time></a></div></footer>'
        f'<div class="comment-content"><p>{esc(c.text)}</p></div><div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">{esc(ui["reply"])}</a></div></article></li>'
        for i, c in enumerate(comments)
    )
    archive_months = [ctx.when - timedelta(days=30 * i) for i in range(24)]
    archives = [(f"{ctx.loc.months[m.month - 1]} {m.year}", ctx.href(f"{m:%Y/%m}")) for m in archive_months]
    cloud = "".join(
        f'<a href="{ctx.href("tag", slugify(name) or str(i))}" class="tag-cloud-link tag-link-{i}" style="font-size: {rng.uniform(8, 22):.1f}pt;">{esc(name)}</a> '
        for i, name in enumerate(ctx.loc.topics + ctx.loc.places)
    )
    recent = ctx.stories(8)
    prev_story, next_story = ctx.stories(2)
    related = "".join(
        f'<div class="jp-relatedposts-post jp-relatedposts-post{i}" data-post-id="{rng.randrange(10**5)}"><h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="{s.href}">{esc(s.title)}</a></h4>'
        f'<p class="jp-relatedposts-post-date">{esc(ctx.date_text(s.when))}</p><p class="jp-relatedposts-post-context">{esc(ctx.section_name)}</p></div>'
        for i, s in enumerate(ctx.stories(3))
    )
    head = f"""<!DOCTYPE html>
<html lang="{ctx.loc.lang_tag}" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} &#8211; {esc(ctx.brand)}</title>
<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1">
<link rel="canonical" href="{ctx.url}">
{head_meta(ctx)}
<meta name="twitter:label1" content="{esc(ui["by"])}"><meta name="twitter:data1" content="{esc(a.author)}">
<meta name="twitter:label2" content="{esc(ui["read_time"].format(n=""))}"><meta name="twitter:data2" content="{max(1, a.word_count() // 200)}">
{json_script(graph, attrs=' class="yoast-schema-graph"')}
<link rel="alternate" type="application/rss+xml" title="{esc(ctx.brand)} &raquo; Feed" href="{ctx.base}/feed/">
<script>window._wpemojiSettings = {{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/15.0.3\\/72x72\\/","ext":".png","source":{{"concatemoji":"{ctx.base}\\/wp-includes\\/js\\/wp-emoji-release.min.js?ver=6.6.2"}}}};
{js_blob(rng, rng.randint(5000, 9000))}</script>
<style id="wp-block-library-inline-css">{css_blob(rng, rng.randint(24000, 34000), "wp-block")}</style>
<style id="global-styles-inline-css">{css_blob(rng, rng.randint(9000, 16000), "has")}</style>
<link rel="stylesheet" id="theme-style-css" href="{ctx.base}/wp-content/themes/newsroom/style.css?ver=2.4.1" media="all">
<style id="theme-inline-css">{css_blob(rng, rng.randint(12000, 22000), "nr")}</style>
<script src="{ctx.base}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
{data_layer(ctx)}
</head>"""
    body = f"""
<body class="post-template-default single single-post postid-{post_id} single-format-standard wp-embed-responsive">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">{esc(ui["skip"])}</a>
<div class="top-bar"><span class="top-bar__date">{esc(ctx.date_text(weekday=True))}</span><span class="top-bar__weather">{esc(ui["weather"])} 17°</span>
<a class="top-bar__login" href="{ctx.base}/wp-login.php">{esc(ui["login"])}</a> <a class="top-bar__subscribe" href="{ctx.href("subscribe")}">{esc(ui["subscribe"])}</a></div>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="{ctx.base}/" rel="home">{esc(ctx.brand)}</a></p><p class="site-description">{esc(ctx.loc.tagline)}</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">{esc(ui["menu"])}</button>{ul_menu(ctx.nav_tree(), "menu", rng).replace('<ul class="menu">', '<ul id="primary-menu" class="menu">', 1)}</nav>
<form role="search" method="get" class="search-form" action="{ctx.base}/"><label><span class="screen-reader-text">{esc(ui["search"])}</span><input type="search" class="search-field" placeholder="{esc(ui["search"])} &hellip;" name="s"></label><input type="submit" class="search-submit" value="{esc(ui["search"])}"></form></header>
<div class="breaking-ticker"><span class="breaking-ticker__label">{esc(ui["breaking"])}</span>{"".join(f'<a href="{s.href}">{esc(s.title)}</a>' for s in ctx.stories(5))}</div>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard has-post-thumbnail hentry category-{ctx.section_slug}">
<header class="entry-header"><span class="cat-links"><a href="{ctx.href("category", ctx.section_slug)}" rel="category tag">{esc(ctx.section_name)}</a></span>
<h1 class="entry-title">{esc(a.title)}</h1>
<div class="entry-meta"><span class="posted-on"><a href="{ctx.url}" rel="bookmark"><time class="entry-date published" datetime="{ctx.when.isoformat()}">{esc(ctx.date_text())}</time><time class="updated" datetime="{(ctx.when + timedelta(hours=2)).isoformat()}">{esc(ctx.date_text())}</time></a></span>
<span class="byline"> {esc(ui["by"])} <span class="author vcard"><a class="url fn n" href="{ctx.href("author", ctx.author_slug())}">{esc(a.author)}</a></span></span>
<span class="reading-time">{esc(ui["read_time"].format(n=max(1, a.word_count() // 200)))}</span></div></header>
<div class="post-thumbnail">{figure}</div>
<div class="entry-content">
{content}
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing"><h3 class="sd-title">{esc(ui["share"])}:</h3>{share_bar(ctx, "sd-content")}</div></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>{esc(ui["related"])}</em></h3><div class="jp-relatedposts-items jp-relatedposts-items-visual">{related}</div></div>
</div>
<footer class="entry-footer"><span class="tags-links">{esc(ui["tags"])}: {", ".join(f'<a href="{ctx.href("tag", slugify(t) or str(i))}" rel="tag">{esc(t)}</a>' for i, t in enumerate(tags))}</span></footer>
</article>
<nav class="navigation post-navigation" aria-label="Posts"><div class="nav-links"><div class="nav-previous"><a href="{prev_story.href}" rel="prev"><span class="meta-nav">{esc(ui["previous"])}</span> <span class="post-title">{esc(prev_story.title)}</span></a></div>
<div class="nav-next"><a href="{next_story.href}" rel="next"><span class="meta-nav">{esc(ui["next"])}</span> <span class="post-title">{esc(next_story.title)}</span></a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">{esc(ui["comments"])} ({len(comments)})</h2><ol class="comment-list">{comment_items}</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">{esc(ui["write_comment"])}</h3><p class="must-log-in">{esc(ui["login_to_comment"])}</p></div></div>
</main></div>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" action="{ctx.base}/"><input type="search" name="s" placeholder="{esc(ui["search"])}"></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">{esc(ui["latest"])}</h2><ul>{"".join(f'<li><a href="{s.href}">{esc(s.title)}</a><span class="post-date">{esc(ctx.date_text(s.when))}</span></li>' for s in recent)}</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">{esc(ui["archive"])}</h2>{link_list(archives, "archives")}</section>
<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">{esc(ui["tags"])}</h2><ul>{"".join(f'<li class="cat-item cat-item-{i}"><a href="{ctx.href("category", SECTION_SLUGS[i])}">{esc(name)}</a> ({rng.randrange(20, 4000)})</li>' for i, name in enumerate(ctx.loc.sections))}</ul></section>
<section id="tag_cloud-2" class="widget widget_tag_cloud"><div class="tagcloud">{cloud}</div></section>
<section id="newsletter-2" class="widget widget_newsletter">{newsletter_box(ctx, "nl-widget")}</section>
</aside></div>
{footer_html(ctx, "site-footer")}
<div class="site-info"><a href="https://wordpress.example/">WordPress</a></div></div>
{cookie_banner(ctx, 2)}
<script id="jetpack-stats">{js_blob(rng, rng.randint(18000, 30000))}</script>
<script id="theme-scripts-js-extra">var newsroomSettings = {json.dumps(feature_flags(rng, 40))};</script>
</body>
</html>
"""
    return Rendered(head + body, block_texts(blocks), optional)


def render_react_ssr(ctx: Ctx) -> Rendered:
    """A big publisher's server-rendered React page: hashed class names, data-component blocks, a "more on this
    story" box inside the body, and the whole page state again as JSON in __NEXT_DATA__."""
    a, ui, rng = ctx.article, ctx.loc.ui, ctx.rng
    ctx.url = ctx.href("news", f"{ctx.section_slug}-{rng.randrange(10**7, 10**8)}").rstrip("/")
    c = {
        key: f"css-{hexid(rng, 6)} e{rng.randrange(1, 9)}{hexid(rng, 5)}{rng.randrange(10)}"
        for key in ("block", "p", "h2", "quote", "links", "fig", "meta", "wrap")
    }
    blocks = a.blocks()
    optional: list[str] = []
    after = with_pull_quote(
        ctx,
        blocks,
        f'<div data-component="quote-block" class="{c["block"]}"><blockquote class="{c["quote"]}"><p>{{quote}}</p></blockquote></div>',
        optional,
    )
    more = ctx.stories(3)
    after[min(2, len(blocks) - 1)] = after.get(min(2, len(blocks) - 1), "") + (
        f'<div data-component="ad-slot" class="{c["block"]}"><div class="{c["wrap"]}"><span>{esc(ui["advert"])}</span><div id="dotcom-mpu-{hexid(rng, 4)}"></div></div></div>'
    )
    after[min(4, len(blocks) - 1)] = after.get(min(4, len(blocks) - 1), "") + (
        f'<div data-component="links-block" class="{c["links"]}"><h2 class="{c["h2"]}">{esc(ui["related"])}</h2><ul>'
        + "".join(f'<li><a href="{s.href}" class="{c["p"]}">{esc(s.title)}</a></li>' for s in more)
        + "</ul></div>"
    )
    content = body_html(
        blocks,
        lambda t: f'<div data-component="text-block" class="{c["block"]}"><p class="{c["p"]}">{esc(t)}</p></div>',
        lambda t: (
            f'<div data-component="subheadline-block" class="{c["block"]}"><h2 class="{c["h2"]}">{esc(t)}</h2></div>'
        ),
        after,
    )
    figure = ""
    if a.caption:
        optional.append(a.caption)
        figure = (
            f'<figure class="{c["fig"]}"><div class="{c["wrap"]}"><img src="{image_src(ctx, 976)}" srcset="{srcset(ctx)}" width="976" height="549" alt="" loading="eager"></div>'
            f'<figcaption class="{c["meta"]}"><span class="visually-hidden">{esc(ui["photo"])}, </span>{esc(a.caption)}</figcaption></figure>'
        )

    def card(story: Story) -> str:
        teaser = f'<p class="{c["p"]}" data-testid="card-description">{esc(story.teaser)}</p>' if story.teaser else ""
        return (
            f'<div data-testid="card" class="{c["wrap"]}"><a href="{story.href}" class="{c["links"]}"><div class="{c["fig"]}"><img src="{image_src(ctx, 240)}" alt="" loading="lazy"></div>'
            f'<h3 data-testid="card-headline" class="{c["h2"]}">{esc(story.title)}</h3>{teaser}<span data-testid="card-metadata-lastupdated">{esc(ctx.time_text(story.when))}</span></a></div>'
        )

    nav_items = "".join(
        f'<li class="{c["wrap"]}"><a href="{href}" class="{c["links"]}" data-testid="nav-link">{esc(label)}</a><div class="{c["block"]}" data-testid="subnav"><ul>'
        + "".join(f'<li><a href="{h}">{esc(lbl)}</a></li>' for lbl, h in children)
        + "</ul></div></li>"
        for label, href, children in ctx.nav_tree()
    )
    top, features, popular = ctx.stories(6), ctx.stories(8), ctx.stories(10)
    state = {
        "props": {
            "pageProps": {
                "page": {
                    '@"news","' + ctx.section_slug + '",': {
                        "data": {
                            "article": {
                                "id": a.id,
                                "headline": a.title,
                                "byline": {"name": a.author, "title": ctx.brand},
                                "published": int(ctx.when.timestamp() * 1000),
                                "blocks": [
                                    {
                                        "type": "subheadline" if kind == "h" else "text",
                                        "model": {"blocks": [{"type": "paragraph", "model": {"text": text}}]},
                                    }
                                    for kind, text in blocks
                                ],
                                "topics": [
                                    {"title": t, "url": ctx.href("topic", TOPIC_SLUGS[i])}
                                    for i, t in enumerate(ctx.loc.topics[:5])
                                ],
                            },
                            "related": [
                                {
                                    "headline": s.title,
                                    "summary": s.teaser,
                                    "href": s.href,
                                    "ts": int(s.when.timestamp()),
                                }
                                for s in top + features + popular
                            ],
                        }
                    }
                },
                "navigation": [
                    {"title": label, "href": href, "children": [{"title": lbl, "href": h} for lbl, h in children]}
                    for label, href, children in ctx.nav_tree()
                ],
                "translations": ctx.loc.ui,
                "featureFlags": feature_flags(rng, rng.randint(150, 260)),
                "ads": ad_config(rng, rng.randint(8, 14)),
            }
        },
        "page": "/[[...slug]]",
        "query": {"slug": ["news", ctx.section_slug]},
        "buildId": hexid(rng, 21),
        "isFallback": False,
        "gssp": True,
        "locale": ctx.loc.lang_tag,
        "scriptLoader": [],
    }
    chunks = "".join(
        f'<script src="{ctx.base}/_next/static/chunks/{rng_word(rng)}-{hexid(rng, 16)}.js" defer=""></script>'
        for _ in range(18)
    )
    direction = ' dir="rtl"' if a.language == "ar" else ""
    page = f"""<!DOCTYPE html><html lang="{ctx.loc.lang_tag}"{direction} class="no-js"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{esc(a.title)} - {esc(ctx.brand)}</title><meta name="author" content="{esc(a.author)}"/>
{head_meta(ctx, published_meta=False)}
<link rel="canonical" href="{ctx.url}"/>{preloads(ctx, 6, "font")}{preloads(ctx, 14)}
{json_script(news_article_ld(ctx, author_list=True))}
<style data-emotion="css {" ".join(hexid(rng, 6) for _ in range(60))}">{css_blob(rng, rng.randint(38000, 52000), "ssrcx")}</style>
{data_layer(ctx)}
</head><body><div id="__next"><div class="{c["wrap"]}"><a href="#main-content" class="{c["links"]}">{esc(ui["skip"])}</a>
{svg_sprite(rng, rng.randint(20, 34))}
<header class="{c["wrap"]}" data-testid="header"><div class="{c["block"]}"><a href="{ctx.base}/" class="{c["links"]}" aria-label="{esc(ctx.brand)}"><svg><use href="#icon-live"></use></svg></a>
<button class="{c["links"]}" aria-label="{esc(ui["menu"])}">{esc(ui["menu"])}</button><a href="{ctx.href("search")}">{esc(ui["search"])}</a><a href="{ctx.href("account")}">{esc(ui["login"])}</a></div>
<nav class="{c["block"]}" data-testid="navigation"><ul class="{c["wrap"]}">{nav_items}</ul></nav></header>
<main id="main-content" data-testid="main-content" class="{c["wrap"]}"><article class="{c["block"]}">
<header class="{c["block"]}"><div data-testid="section-label"><a href="{ctx.href(ctx.section_slug)}">{esc(ctx.section_name)}</a></div><h1 id="main-heading" class="{c["h2"]}">{esc(a.title)}</h1>
<div data-testid="byline" class="{c["meta"]}"><span class="{c["meta"]}">{esc(ui["by"])} </span><span data-testid="byline-name" class="{c["meta"]}">{esc(a.author)}</span>
<time data-testid="timestamp" dateTime="{ctx.when.isoformat()}">{esc(ctx.date_text())}</time></div>
<button class="{c["links"]}" data-testid="listen"><svg><use href="#icon-play"></use></svg>{esc(ui["listen"])}</button></header>
{figure}
{content}
<div data-component="tag-list" class="{c["block"]}"><h2 class="{c["h2"]}">{esc(ui["tags"])}</h2><ul>{"".join(f'<li><a href="{ctx.href("topic", TOPIC_SLUGS[i])}">{esc(t)}</a></li>' for i, t in enumerate(ctx.loc.topics[:5]))}</ul></div>
{share_bar(ctx, c["links"].split()[0])}
</article>
<section data-testid="top-stories" class="{c["wrap"]}"><h2 class="{c["h2"]}">{esc(ui["latest"])}</h2>{"".join(card(s) for s in top)}</section>
<section data-testid="features" class="{c["wrap"]}"><h2 class="{c["h2"]}">{esc(ui["more_in"].format(section=ctx.section_name))}</h2>{"".join(card(s) for s in features)}</section>
<section data-testid="most-read" class="{c["wrap"]}"><h2 class="{c["h2"]}">{esc(ui["most_read"])}</h2><ol>{"".join(f'<li><a href="{s.href}"><span>{i + 1}</span><p>{esc(s.title)}</p></a></li>' for i, s in enumerate(popular))}</ol></section>
</main>
{footer_html(ctx, c["wrap"].split()[0])}
{cookie_banner(ctx, 0)}
</div></div>
{json_script(state, "application/json", ' id="__NEXT_DATA__"')}
{chunks}
<script>{js_blob(rng, rng.randint(16000, 26000))}</script>
</body></html>
"""
    return Rendered(page, block_texts(blocks), optional)


def render_liveblog(ctx: Ctx) -> Rendered:
    """A live blog: timestamped posts newest first under a "key events" box, a LiveBlogPosting JSON-LD with
    every update, ads between posts."""
    a, ui, rng = ctx.article, ctx.loc.ui, ctx.rng
    ctx.url = ctx.href("live", f"{ctx.when:%Y/%m/%d}", ctx.slug()).rstrip("/")
    posts: list[tuple[datetime, str | None, str]] = []
    moment, heading = ctx.when, None
    for kind, text in a.blocks():
        if kind == "h":
            heading = text
            continue
        posts.append((moment, heading, text))
        heading = None
        moment += timedelta(minutes=rng.randint(14, 58))
    posts.reverse()  # newest first
    body: list[str] = []
    optional: list[str] = []
    rendered = []
    post_ids = [hexid(rng, 24) for _ in posts]
    for index, (when, title, text) in enumerate(posts):
        post_id = post_ids[index]
        optional.append(ctx.time_text(when))
        if title:
            body.append(title)
        body.append(text)
        title_html = f'<h3 class="lb-post__title">{esc(title)}</h3>' if title else ""
        rendered.append(
            f'<article class="lb-post{" lb-post--key" if title else ""}" id="p-{post_id}" data-post-id="{post_id}"><header class="lb-post__header">'
            f'<time class="lb-post__time" datetime="{when.isoformat()}">{esc(ctx.time_text(when))}</time></header>'
            f'<div class="lb-post__content">{title_html}<p>{esc(text)}</p></div>'
            f'<footer class="lb-post__footer"><button class="lb-post__share" data-link="{ctx.url}#p-{post_id}">{esc(ui["share"])}</button></footer></article>'
        )
        if index % 3 == 2:
            rendered.append(ad_slot(ctx, "lb-ad", index))
    key_events = "".join(
        f'<li><a href="#p-{post_id}"><time>{esc(ctx.time_text(when))}</time> {esc(title)}</a></li>'
        for post_id, (when, title, _) in zip(post_ids, posts, strict=True)
        if title
    )
    updates = [
        {
            "@type": "BlogPosting",
            "headline": (title or text[:90]),
            "datePublished": when.isoformat(),
            "articleBody": text,
        }
        for when, title, text in posts
    ]
    ld = news_article_ld(
        ctx,
        "LiveBlogPosting",
        coverageStartTime=ctx.when.isoformat(),
        coverageEndTime=(posts[0][0] + timedelta(hours=2)).isoformat(),
        liveBlogUpdate=updates,
    )
    page = f"""<!doctype html>
<html lang="{ctx.loc.code}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{esc(a.title)} | {esc(ctx.brand)}</title>
<link rel="canonical" href="{ctx.url}">
{head_meta(ctx)}
{json_script(ld)}
<style>{css_blob(rng, rng.randint(40000, 54000), "lb")}</style>
{data_layer(ctx)}
<script>window.__LIVE__={{"pollInterval":30000,"endpoint":"{ctx.base}/api/live/{hexid(rng, 12)}/updates","since":"{posts[0][0].isoformat()}"}};{js_blob(rng, rng.randint(12000, 20000))}</script>
</head>
<body class="page-live">
{svg_sprite(rng, 24)}
<header class="masthead"><a class="masthead__logo" href="{ctx.base}/">{esc(ctx.brand)}</a>
<nav class="masthead__nav" aria-label="{esc(ui["menu"])}">{ul_menu(ctx.nav_tree(), "nav", rng)}</nav>
<div class="masthead__tools"><a href="{ctx.href("search")}">{esc(ui["search"])}</a> <a href="{ctx.href("subscribe")}">{esc(ui["subscribe"])}</a> <a href="{ctx.href("login")}">{esc(ui["login"])}</a></div></header>
<main class="live" id="main">
<div class="live__header"><span class="live__badge"><span class="live__dot"></span>{esc(ui["live"])}</span><a class="live__section" href="{ctx.href(ctx.section_slug)}">{esc(ctx.section_name)}</a>
<h1 class="live__title">{esc(a.title)}</h1>
<div class="live__meta"><span class="live__authors">{esc(ui["by"])} <a href="{ctx.href("author", ctx.author_slug())}">{esc(a.author)}</a></span>
<time datetime="{ctx.when.isoformat()}">{esc(ctx.date_text())}</time></div>{share_bar(ctx, "live-share")}</div>
<div class="live__grid"><aside class="live__key-events"><h2>{esc(ui["key_events"])}</h2><ul>{key_events}</ul></aside>
<div class="live__feed" aria-live="polite"><div class="live__toolbar"><button class="live__refresh">{esc(ui["latest"])}</button></div>
{"".join(rendered)}
<button class="live__more">{esc(ui["load_more"])}</button></div>
<aside class="live__rail">{story_list(ctx, ui["most_read"], ctx.stories(10), "rail-list", numbered=True)}{newsletter_box(ctx, "rail-nl")}{story_list(ctx, ui["related"], ctx.stories(6), "rail-rel", teaser=True)}</aside></div>
</main>
{footer_html(ctx, "foot")}
{cookie_banner(ctx, 1)}
<script>{js_blob(rng, rng.randint(20000, 32000))}</script>
<script type="application/json" id="ad-config">{json.dumps(ad_config(rng, 12))}</script>
</body>
</html>
"""
    return Rendered(page, body, optional)


def render_divbr(ctx: Ctx) -> Rendered:
    """An old CMS: the text is one <div> of <br><br>-separated runs, with the ad slot inside it; no <html lang>,
    the site's name as meta author, the date only as Dublin Core and as text."""
    a, ui, rng = ctx.article, ctx.loc.ui, ctx.rng
    note_id = rng.randrange(100000, 999999)
    ctx.url = f"{ctx.base}/nota.php?id={note_id}&seccion={ctx.section_slug}"
    blocks = a.blocks()
    optional: list[str] = []
    runs = []
    for index, (kind, text) in enumerate(blocks):
        runs.append(f"<b>{esc(text)}</b>" if kind == "h" else esc(text))
        if index == len(blocks) // 2 and a.pull_quote:
            optional.append(a.pull_quote)
            runs.append(f"<i>“{esc(a.pull_quote)}”</i>")
        if index == 2:
            runs.append(
                f'<div class="publicidad-nota" id="pub-nota-{note_id}"><span>{esc(ui["advert"])}</span><script>{js_blob(rng, 900)}</script></div>'
            )
    text_div = "<br><br>\n".join(runs)
    photo = ""
    if a.caption:
        optional.append(a.caption)
        photo = f'<div class="fotonota"><img src="{image_src(ctx, 620)}" width="620" alt="{esc(a.title)}"><div class="epigrafe">{esc(a.caption)}</div></div>'
    menu = "".join(
        f'<li><a href="{href}">{esc(label)}</a><ul class="submenu">'
        + "".join(f'<li><a href="{h}">{esc(lbl)}</a></li>' for lbl, h in children)
        + "</ul></li>"
        for label, href, children in ctx.nav_tree()
    )
    related = "".join(
        f'<li><a href="{s.href}">{esc(s.title)}</a> <span class="fecha-rel">{ctx.numeric_date(s.when)}</span></li>'
        for s in ctx.stories(6)
    )
    most_read = "".join(
        f'<li><span class="num">{i + 1}</span><a href="{s.href}">{esc(s.title)}</a></li>'
        for i, s in enumerate(ctx.stories(10))
    )
    ticker = " &bull; ".join(f'<a href="{s.href}">{esc(s.title)}</a>' for s in ctx.stories(8))
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta http-equiv="Content-Language" content="{ctx.loc.code}" />
<title>{esc(a.title)} | {esc(ctx.brand)}</title>
<meta name="author" content="{esc(ctx.brand)}" />
<meta name="keywords" content="{esc(", ".join(ctx.loc.topics[:6]))}" />
<meta name="DC.date.issued" content="{ctx.when:%Y-%m-%d}" />
{head_meta(ctx, published_meta=False)}
<link href="{ctx.base}/css/estilos.css?v=20190304" rel="stylesheet" type="text/css" />
<style type="text/css">{css_blob(rng, rng.randint(34000, 48000), "nota")}</style>
<script type="text/javascript" src="{ctx.base}/js/jquery-1.8.3.min.js"></script>
<script type="text/javascript">{js_blob(rng, rng.randint(44000, 62000))}</script>
{data_layer(ctx)}
</head>
<body>
<div id="publicidad-top">{ad_slot(ctx, "banner-top", 0)}</div>
<div id="contenedor">
<div id="cabecera"><div id="logo"><a href="{ctx.base}/"><img src="{ctx.base}/img/logo.png" alt="{esc(ctx.brand)}" /></a></div>
<div id="fecha-hoy">{esc(ctx.date_text(weekday=True))}</div><div id="clima">{esc(ui["weather"])}: 24°</div>
<form id="buscador" action="{ctx.base}/buscar.php"><input type="text" name="q" value="{esc(ui["search"])}..." /></form></div>
<ul id="menu">{menu}</ul>
<div id="ultimo-momento"><strong>{esc(ui["breaking"])}:</strong> {ticker}</div>
<div id="columna-principal">
<div id="migas"><a href="{ctx.base}/">{esc(ui["home"])}</a> &gt; <a href="{ctx.href(ctx.section_slug)}">{esc(ctx.section_name)}</a></div>
<div id="nota">
<div class="volanta">{esc(ctx.section_name)}</div>
<h1 class="titulo">{esc(a.title)}</h1>
<div class="datos"><span class="autor">{esc(ui["by"])} {esc(a.author)}</span> | <span class="fecha">{esc(ui["published"])} {ctx.numeric_date()} - {ctx.when:%H:%M}</span></div>
<div class="compartir"><a href="https://share.example/facebook?u={esc(ctx.url)}">Facebook</a> | <a href="https://share.example/x?u={esc(ctx.url)}">X</a> | <a href="https://share.example/whatsapp?u={esc(ctx.url)}">WhatsApp</a> | <a href="javascript:window.print()">{esc(ui["print"])}</a></div>
{photo}
<div class="cuerpo" id="cuerpo_nota">
{text_div}
</div>
<div class="notas-relacionadas"><h3>{esc(ui["related"])}</h3><ul>{related}</ul></div>
<div class="comentarios"><h3>{esc(ui["comments"])}</h3><div class="fb-comments" data-href="{esc(ctx.url)}" data-numposts="10" data-width="100%"></div><p>{esc(ui["login_to_comment"])}</p></div>
</div></div>
<div id="columna-derecha">{ad_slot(ctx, "banner-lateral", 1)}<div class="mas-leidas"><h3>{esc(ui["most_read"])}</h3><ol>{most_read}</ol></div>
<div class="encuesta"><h3>{esc(ui["poll_question"])}</h3><form><label><input type="radio" name="e" /> {esc(ui["poll_yes"])}</label><label><input type="radio" name="e" /> {esc(ui["poll_no"])}</label><input type="submit" value="{esc(ui["vote"])}" /></form></div>
{newsletter_box(ctx, "boletin")}{ad_slot(ctx, "banner-lateral", 2)}</div>
<div id="pie">{footer_html(ctx, "pie")}<p class="direccion">{esc(ctx.brand)} &middot; Tel. (000) 000-0000 &middot; info@{ctx.domain}</p></div>
</div>
{cookie_banner(ctx, 2)}
<script type="text/javascript">{js_blob(rng, rng.randint(8000, 14000))}</script>
</body>
</html>
"""
    return Rendered(page, block_texts(blocks), optional)


def render_inline_ads(ctx: Ctx) -> Rendered:
    """A modern site that cuts the body with ad slots, "read also" asides and paragraphs, an inline newsletter
    box and a video embed; sponsored links after it."""
    a, ui, rng = ctx.article, ctx.loc.ui, ctx.rng
    story_id = rng.randrange(10**6, 10**7)
    ctx.url = ctx.href(ctx.section_slug, f"{ctx.slug()}-{story_id}.html").rstrip("/")
    blocks = a.blocks()
    optional: list[str] = []
    also = ctx.stories(3)
    after = with_pull_quote(ctx, blocks, '<blockquote class="article__quote"><p>{quote}</p></blockquote>', optional)

    def add(index: int, markup: str) -> None:
        index = min(index, len(blocks) - 1)
        after[index] = after.get(index, "") + markup

    add(0, ad_slot(ctx, "ad ad--inread", 1))
    add(
        1,
        f'<aside class="read-also"><span class="read-also__label">{esc(ui["read_also"])}</span><a class="read-also__link" href="{also[0].href}">{esc(also[0].title)}</a></aside>',
    )
    add(2, newsletter_box(ctx, "newsletter-inline"))
    add(
        3,
        f'<p class="article__paragraph article__paragraph--link"><strong>{esc(ui["read_also"])}:</strong> <a href="{also[1].href}">{esc(also[1].title)}</a></p>',
    )
    add(4, ad_slot(ctx, "ad ad--inread", 2))
    video_title = also[2].title
    add(
        5,
        f'<div class="embed embed--video"><iframe src="https://player.example/embed/{hexid(rng, 11)}" allowfullscreen loading="lazy" title="{esc(video_title)}"></iframe><p class="embed__caption">{esc(ctx.loc.sections[8])}: {esc(video_title)}</p></div>',
    )
    content = body_html(
        blocks,
        lambda t: f'<p class="article__paragraph">{esc(t)}</p>',
        lambda t: f'<h2 class="article__subtitle">{esc(t)}</h2>',
        after,
    )
    figure = ""
    if a.caption:
        optional.append(a.caption)
        figure = f'<figure class="article__media"><picture><source type="image/webp" srcset="{srcset(ctx)}"><img src="{image_src(ctx, 1280)}" alt="" width="1280" height="720"></picture><figcaption>{esc(a.caption)} <span class="credit">{esc(ui["photo"])}: {esc(ctx.brand)}</span></figcaption></figure>'
    direction = ' dir="rtl"' if a.language == "ar" else ""
    page = f"""<!DOCTYPE html>
<html lang="{ctx.loc.lang_tag}"{direction}>
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} - {esc(ctx.brand)}</title>
<meta name="author" content="{esc(a.author)}">
{head_meta(ctx)}
<link rel="canonical" href="{ctx.url}">
<link rel="amphtml" href="{ctx.url.replace(".html", ".amp.html")}">
{preloads(ctx, 4, "font")}
{json_script(news_article_ld(ctx, author_list=True, isAccessibleForFree=True))}
<style>{css_blob(rng, rng.randint(42000, 58000), "article")}</style>
{data_layer(ctx)}
<script>var adConfig={json.dumps(ad_config(rng, rng.randint(8, 12)))};</script>
</head>
<body class="article-page">
{svg_sprite(rng, 26)}
{cookie_banner(ctx, 0)}
<header class="header"><div class="header__top"><a class="header__logo" href="{ctx.base}/">{esc(ctx.brand)}</a><a class="header__subscribe" href="{ctx.href("subscribe")}">{esc(ui["subscribe"])}</a><a class="header__login" href="{ctx.href("login")}">{esc(ui["login"])}</a></div>
<nav class="header__nav">{ul_menu(ctx.nav_tree(), "main-nav", rng)}</nav></header>
{ad_slot(ctx, "ad ad--billboard", 0)}
<main class="layout"><article class="article">
<nav class="breadcrumb"><a href="{ctx.base}/">{esc(ui["home"])}</a> › <a href="{ctx.href(ctx.section_slug)}">{esc(ctx.section_name)}</a></nav>
<h1 class="article__title">{esc(a.title)}</h1>
<div class="article__byline"><span>{esc(ui["by"])} <a rel="author" href="{ctx.href("author", ctx.author_slug())}">{esc(a.author)}</a></span>
<span class="article__date">{esc(ui["published"])} <time datetime="{ctx.when.isoformat()}">{esc(ctx.date_text())}, {esc(ctx.time_text())}</time></span></div>
{share_bar(ctx, "share")}
{figure}
<div class="article__body">
{content}
</div>
<div class="article__tags">{esc(ui["tags"])}: {" ".join(f'<a href="{ctx.href("topic", TOPIC_SLUGS[i])}">{esc(t)}</a>' for i, t in enumerate(ctx.loc.topics[:4]))}</div>
{share_bar(ctx, "share share--bottom")}
</article>
<aside class="sidebar">{ad_slot(ctx, "ad ad--sidebar", 3)}{story_list(ctx, ui["most_read"], ctx.stories(10), "most-read", numbered=True)}{story_list(ctx, ui["latest"], ctx.stories(12), "latest")}</aside>
</main>
<section class="more-stories">{story_list(ctx, ui["related"], ctx.stories(8), "related", teaser=True)}</section>
{sponsored_widget(ctx, "sponsored-feed")}
{footer_html(ctx, "footer")}
<script>{js_blob(rng, rng.randint(20000, 34000))}</script>
</body>
</html>
"""
    return Rendered(page, block_texts(blocks), optional)


def render_comments(ctx: Ctx) -> Rendered:
    """An article followed by a long, nested, server-rendered discussion (50-90 comments in <p>s)."""
    a, ui, rng = ctx.article, ctx.loc.ui, ctx.rng
    ctx.url = ctx.href(
        ctx.section_slug,
        f"{ctx.when:%Y}",
        ctx.loc.months[ctx.when.month - 1][:3].lower(),
        f"{ctx.when.day:02d}",
        ctx.slug(),
    ).rstrip("/")
    blocks = a.blocks()
    optional: list[str] = []
    after = with_pull_quote(
        ctx, blocks, '<aside class="element-pullquote"><blockquote><p>{quote}</p></blockquote></aside>', optional
    )
    content = body_html(blocks, lambda t: f"<p>{esc(t)}</p>", lambda t: f"<h2>{esc(t)}</h2>", after)
    figure = ""
    if a.caption:
        optional.append(a.caption)
        figure = f'<figure class="element-image"><img src="{image_src(ctx, 1000)}" alt="{esc(a.caption)}"><figcaption><span class="caption-icon"></span>{esc(a.caption)}</figcaption></figure>'
    comments = ctx.comments(rng.randint(50, 90))
    thread = []
    for index, comment in enumerate(comments):
        thread.append(
            f'<li class="d-comment d-comment--depth-{comment.depth}" id="comment-{rng.randrange(10**8)}" data-comment-author="{esc(comment.author)}">'
            f'<div class="d-comment__meta"><img class="d-comment__avatar" src="https://avatars.example/{hexid(rng, 8)}.png" alt="">'
            f'<a class="d-comment__author" href="{ctx.href("profile", str(rng.randrange(10**7)))}">{esc(comment.author)}</a>'
            f'<a class="d-comment__timestamp" href="#comment-{index}"><time datetime="{comment.when.isoformat()}">{esc(ctx.date_text(comment.when))} {esc(ctx.time_text(comment.when))}</time></a></div>'
            f'<div class="d-comment__body"><p>{esc(comment.text)}</p></div>'
            f'<div class="d-comment__actions"><button class="d-comment__reply">{esc(ui["reply"])}</button><span class="d-comment__recommend" aria-label="{esc(ui["like"])}">{comment.likes}</span>'
            f'<button class="d-comment__like">{esc(ui["like"])}</button><a class="d-comment__report" href="{ctx.href("report")}">{esc(ui["report"])}</a></div></li>'
        )
    page = f"""<!DOCTYPE html>
<html lang="{ctx.loc.code}">
<head>
<meta charset="utf-8">
<title>{esc(a.title)} | {esc(ctx.brand)}</title>
<meta name="author" content="{esc(a.author)}">
{head_meta(ctx)}
<link rel="canonical" href="{ctx.url}">
{json_script(news_article_ld(ctx, commentCount=len(comments)))}
<style>{css_blob(rng, rng.randint(26000, 36000), "dcr")}</style>
{data_layer(ctx)}
<script>window.guardianLike={{"config":{json.dumps(feature_flags(rng, 90))}}};</script>
</head>
<body>
{svg_sprite(rng, 22)}
<div class="top-bar"><a href="{ctx.href("subscribe")}">{esc(ui["subscribe"])}</a> <a href="{ctx.href("login")}">{esc(ui["login"])}</a> <a href="{ctx.href("search")}">{esc(ui["search"])}</a></div>
<header class="masthead"><a class="logo" href="{ctx.base}/">{esc(ctx.brand)}</a><nav class="pillars">{ul_menu(ctx.nav_tree(), "pillar", rng)}</nav></header>
<main id="maincontent">
<article class="content content--article">
<div class="content__labels"><a class="content__section-label" href="{ctx.href(ctx.section_slug)}">{esc(ctx.section_name)}</a></div>
<h1 class="content__headline">{esc(a.title)}</h1>
<div class="content__meta"><p class="byline">{esc(ui["by"])} <a rel="author" href="{ctx.href("profile", ctx.author_slug())}">{esc(a.author)}</a></p>
<p class="content__dateline"><time datetime="{ctx.when.isoformat()}">{esc(ctx.date_text(weekday=True))} {esc(ctx.time_text())}</time></p>
<a class="content__comment-count" href="#comments">{len(comments)} {esc(ui["comments"])}</a></div>
{figure}
<div class="content__article-body from-content-api">
{content}
</div>
{share_bar(ctx, "social")}
<div class="submeta"><span>{esc(ui["tags"])}</span>{link_list([(t, ctx.href("topic", TOPIC_SLUGS[i])) for i, t in enumerate(ctx.loc.topics[:6])], "submeta__links")}</div>
</article>
{newsletter_box(ctx, "email-signup")}
<section id="comments" class="discussion"><div class="discussion__header"><h2>{esc(ui["comments"])} ({len(comments)})</h2>
<p class="discussion__rules">{esc(ui["login_to_comment"])}</p><div class="discussion__toolbar"><button>{esc(ui["latest"])}</button><button>{esc(ui["like"])}</button></div></div>
<ul class="d-thread">{"".join(thread)}</ul><button class="discussion__show-more">{esc(ui["load_more"])}</button></section>
<section class="onward">{story_list(ctx, ui["related"], ctx.stories(6), "onward-related", teaser=True)}{story_list(ctx, ui["most_read"], ctx.stories(10), "most-viewed", numbered=True)}</section>
</main>
{footer_html(ctx, "footer")}
{cookie_banner(ctx, 1)}
<script>{js_blob(rng, rng.randint(14000, 24000))}</script>
</body>
</html>
"""
    return Rendered(page, block_texts(blocks), optional)


def render_russian_portal(ctx: Ctx) -> Rendered:
    """A Russian news portal: the body in article__block divs with a bold dateline, "read also" blocks inside,
    microdata and mediator meta tags, a long news feed column, counters and a legal footer."""
    a, ui, rng = ctx.article, ctx.loc.ui, ctx.rng
    ctx.url = f"{ctx.base}/{ctx.when:%Y%m%d}/{TOPIC_SLUGS[rng.randrange(len(TOPIC_SLUGS))]}-{rng.randrange(10**9, 10**10)}.html"
    blocks = a.blocks()
    optional: list[str] = []
    dateline = f"{a.dateline or 'МОСКВА'}, {ctx.when.day} {ctx.loc.months[ctx.when.month - 1][:3]} — {ctx.brand}."
    optional.append(dateline)
    also = ctx.stories(2)
    parts = []
    for index, (kind, text) in enumerate(blocks):
        if kind == "h":
            parts.append(f'<div class="article__block" data-type="h2"><h2 class="article__h2">{esc(text)}</h2></div>')
        else:
            lead = f"<strong>{esc(dateline)}</strong> " if index == 0 else ""
            parts.append(
                f'<div class="article__block" data-type="text"><div class="article__text">{lead}{esc(text)}</div></div>'
            )
        story = {1: also[0], 4: also[1]}.get(index)
        if story:
            parts.append(
                f'<div class="article__block" data-type="article"><div class="article__article"><div class="article__article-label">{esc(ui["read_also"])}</div>'
                f'<a class="article__article-title" href="{story.href}">{esc(story.title)}</a><div class="article__article-info">{story.when:%H:%M %d.%m.%Y}</div></div></div>'
            )
        if index == len(blocks) // 2 and a.pull_quote:
            optional.append(a.pull_quote)
            parts.append(
                f'<div class="article__block" data-type="quote"><div class="article__quote"><div class="article__quote-text">{esc(a.pull_quote)}</div></div></div>'
            )
    figure = ""
    if a.caption:
        optional.append(a.caption)
        figure = f'<div class="article__announce"><div class="photoview__open"><img src="{image_src(ctx, 1920)}" alt="{esc(a.caption)}" title="{esc(a.caption)}"></div><div class="media__copyright">{esc(a.caption)} © {esc(ctx.brand)}</div></div>'
    feed = "".join(
        f'<div class="lenta__item"><span class="lenta__item-date">{s.when:%H:%M}</span><a class="lenta__item-text" href="{s.href}">{esc(s.title)}</a></div>'
        for s in ctx.stories(40)
    )
    rubricator = "".join(
        f'<a class="rubric" href="{href}">{esc(label)}</a>'
        for _, _, children in ctx.nav_tree()
        for label, href in children
    )
    page = f"""<!DOCTYPE html>
<html lang="ru" prefix="og: http://ogp.me/ns# article: http://ogp.me/ns/article#">
<head>
<meta charset="utf-8">
<title>{esc(a.title)} - {esc(ctx.brand)}, {ctx.when:%d.%m.%Y}</title>
{head_meta(ctx, published_meta=False)}
<meta name="mediator" content="{rng.randrange(10**6)}">
<meta name="mediator_author" content="{esc(a.author)}">
<meta name="mediator_published_time" content="{ctx.when:%Y-%m-%dT%H:%M:%S%z}">
<meta name="mediator_theme" content="{esc(ctx.section_name)}">
<link rel="canonical" href="{ctx.url}">
<link rel="amphtml" href="{ctx.url.replace(".html", "-amp.html")}">
<style>{css_blob(rng, rng.randint(38000, 52000), "m")}</style>
<script>{js_blob(rng, rng.randint(14000, 22000))}</script>
{data_layer(ctx)}
</head>
<body class="body m-article">
{svg_sprite(rng, 20)}
<div class="page">
<div class="header"><a class="header__logo" href="{ctx.base}/">{esc(ctx.brand)}</a><span class="header__age">18+</span>
<div class="header__tools"><a href="{ctx.href("search")}">{esc(ui["search"])}</a> <a href="{ctx.href("login")}">{esc(ui["login"])}</a></div>
<nav class="header__menu">{ul_menu(ctx.nav_tree(), "menu", rng)}</nav></div>
<div class="rubricator">{rubricator}</div>
<div class="layout"><div class="layout__content">
<div class="article" itemscope itemtype="https://schema.org/Article">
<meta itemprop="datePublished" content="{ctx.when.isoformat()}"><meta itemprop="dateModified" content="{(ctx.when + timedelta(minutes=17)).isoformat()}">
<div itemprop="author" itemscope itemtype="https://schema.org/Person"><meta itemprop="name" content="{esc(a.author)}"></div>
<div class="article__meta"><div class="article__info"><div class="article__info-date"><a href="{ctx.href(f"{ctx.when:%Y%m%d}")}">{ctx.when:%H:%M %d.%m.%Y}</a></div>
<div class="article__info-statistic"><span class="statistic__item m-views">{rng.randrange(1000, 90000)}</span></div></div>
<h1 class="article__title" itemprop="headline">{esc(a.title)}</h1></div>
{figure}
<div class="article__body js-mediator-article" itemprop="articleBody">
{"".join(parts)}
</div>
<div class="article__author">{esc(ui["by"])} <a href="{ctx.href("author", ctx.author_slug())}">{esc(a.author)}</a></div>
<div class="article__tags">{"".join(f'<a class="article__tags-item" href="{ctx.href("keyword", TOPIC_SLUGS[i])}">{esc(t)}</a>' for i, t in enumerate(ctx.loc.topics[:5]))}</div>
{share_bar(ctx, "article__social")}
<div class="article__comments"><h3>{esc(ui["comments"])}</h3><p>{esc(ui["login_to_comment"])}</p></div>
</div>
{story_list(ctx, ui["related"], ctx.stories(6), "related", teaser=True)}
</div>
<div class="layout__rightcolumn"><div class="lenta"><div class="lenta__title">{esc(ui["latest"])}</div>{feed}</div>{ad_slot(ctx, "banner", 2)}</div></div>
<div class="footer"><div class="footer__menu">{link_list(ctx.service_links(), "footer__links")}</div>
<div class="footer__legal"><p>Сетевое издание «{esc(ctx.brand)}». Регистрационный номер ЭЛ № ФС 00-00000. Учредитель: ООО «Вестник-Медиа».</p>
<p>Главный редактор: И. И. Петров. Адрес электронной почты редакции: info@{ctx.domain}. Телефон: +7 (000) 000-00-00.</p>
<p>© {ctx.when.year} {esc(ctx.brand)}. {esc(ui["rights"])} Перепечатка материалов разрешена только с письменного согласия редакции.</p></div></div>
</div>
{cookie_banner(ctx, 2)}
<script>(function(m,e,t,r,i,k,a){{m[i]=m[i]||function(){{(m[i].a=m[i].a||[]).push(arguments)}};m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)}})(window,document,"script","https://counter.example/tag.js","ctr");ctr({rng.randrange(10**7, 10**8)},"init",{{clickmap:true,trackLinks:true,webvisor:true}});</script>
<script>{js_blob(rng, rng.randint(18000, 28000))}</script>
</body>
</html>
"""
    return Rendered(page, block_texts(blocks), optional)


AMP_BOILERPLATE = (
    "body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}"
    "@-webkit-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}"
)


def render_amp(ctx: Ctx) -> Rendered:
    """An AMP page: amp-* components, the menu in an amp-sidebar, amp-ad between paragraphs, amp-consent,
    amp-analytics JSON configs, a related-stories carousel."""
    a, ui, rng = ctx.article, ctx.loc.ui, ctx.rng
    slug = ctx.slug()
    ctx.url = ctx.href("amp", ctx.section_slug, f"{slug}-{rng.randrange(10**5, 10**6)}.html").rstrip("/")
    blocks = a.blocks()
    optional: list[str] = []
    after = with_pull_quote(ctx, blocks, '<blockquote class="pull"><p>{quote}</p></blockquote>', optional)
    for index in (1, 4):
        if index < len(blocks):
            after[index] = after.get(index, "") + (
                f'<div class="ad-wrap"><span class="ad-label">{esc(ui["advert"])}</span><amp-ad width="300" height="250" type="doubleclick" '
                f'data-slot="/{rng.randrange(10**6)}/amp/{ctx.section_slug}" data-multi-size="320x50,300x100" rtc-config=\'{{"vendors":{{"aps":{{"PUB_ID":"{rng.randrange(10**4)}"}}}}}}\'>'
                f"<div placeholder>{esc(ui['advert'])}</div></amp-ad></div>"
            )
    content = body_html(blocks, lambda t: f"<p>{esc(t)}</p>", lambda t: f"<h2>{esc(t)}</h2>", after)
    image = f'<amp-img src="{image_src(ctx, 1200)}" width="1200" height="675" layout="responsive" alt=""></amp-img>'
    if a.caption:
        optional.append(a.caption)
        image = f'<figure class="lead">{image}<figcaption>{esc(a.caption)}</figcaption></figure>'
    analytics = "".join(
        f'<amp-analytics type="{kind}" data-credentials="include"><script type="application/json">{json.dumps({"vars": {"account": hexid(rng, 10), "title": a.title, "author": a.author}, "triggers": {f"t{i}": {"on": "visible", "request": "pageview", "vars": feature_flags(rng, 6)} for i in range(rng.randint(20, 34))}}, ensure_ascii=False)}</script></amp-analytics>'
        for kind in ("googleanalytics", "comscore", "chartbeat", "parsely")
    )
    sidebar = "".join(
        f'<section><h4><a href="{href}">{esc(label)}</a></h4><ul>'
        + "".join(f'<li><a href="{h}">{esc(lbl)}</a></li>' for lbl, h in children)
        + "</ul></section>"
        for label, href, children in ctx.nav_tree()
    )
    carousel = "".join(
        f'<a class="rel-card" href="{s.href}"><amp-img src="{image_src(ctx, 320)}" width="320" height="180" layout="responsive" alt=""></amp-img><span>{esc(s.title)}</span></a>'
        for s in ctx.stories(8)
    )
    shares = "".join(
        f'<amp-social-share type="{kind}" width="40" height="40"{" data-param-app_id=" + chr(34) + str(rng.randrange(10**14)) + chr(34) if kind == "facebook" else ""}></amp-social-share>'
        for kind in ("facebook", "twitter", "whatsapp", "email", "linkedin")
    )
    page = f"""<!doctype html>
<html ⚡ lang="{ctx.loc.code}">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
{"".join(f'<script async custom-element="amp-{name}" src="https://cdn.ampproject.org/v0/amp-{name}-0.1.js"></script>' for name in ("ad", "analytics", "sidebar", "consent", "social-share", "carousel", "iframe", "accordion", "bind"))}
<title>{esc(a.title)} - {esc(ctx.brand)}</title>
<link rel="canonical" href="{ctx.url.replace("/amp/", "/")}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
{head_meta(ctx, published_meta=False)}
{json_script(news_article_ld(ctx))}
<style amp-boilerplate>{AMP_BOILERPLATE}</style><noscript><style amp-boilerplate>body{{-webkit-animation:none;animation:none}}</style></noscript>
<style amp-custom>{css_blob(rng, rng.randint(60000, 74000), "amp")}</style>
</head>
<body>
{analytics}
<amp-consent id="consent" layout="nodisplay"><script type="application/json">{{"consentInstanceId":"{slugify(ctx.brand) or "site"}","consentRequired":true,"promptUI":"consent-ui"}}</script>
<div id="consent-ui" class="consent"><h3>{esc(ui["cookie_title"])}</h3><p>{esc(ui["cookie_text"])}</p><button on="tap:consent.accept">{esc(ui["accept"])}</button><button on="tap:consent.reject">{esc(ui["reject"])}</button><button on="tap:consent.prompt(consent=settings)">{esc(ui["settings"])}</button></div></amp-consent>
<amp-sidebar id="sidebar" layout="nodisplay" side="left"><button on="tap:sidebar.close" class="close">×</button><nav>{sidebar}</nav>{link_list(ctx.service_links(), "sidebar-service")}</amp-sidebar>
<header class="bar"><button on="tap:sidebar.toggle" class="hamburger" aria-label="{esc(ui["menu"])}">☰</button><a href="{ctx.base}/" class="logo">{esc(ctx.brand)}</a><a href="{ctx.href("subscribe")}" class="cta">{esc(ui["subscribe"])}</a></header>
<main>
<article class="story">
<a class="kicker" href="{ctx.href(ctx.section_slug)}">{esc(ctx.section_name)}</a>
<h1>{esc(a.title)}</h1>
<div class="meta"><span class="author">{esc(ui["by"])} {esc(a.author)}</span> · <time datetime="{ctx.when.isoformat()}">{esc(ctx.date_text())} {esc(ctx.time_text())}</time></div>
<div class="share">{shares}</div>
{image}
<div class="body">
{content}
</div>
</article>
<section class="related"><h3>{esc(ui["read_also"])}</h3><amp-carousel height="220" layout="fixed-height" type="carousel">{carousel}</amp-carousel></section>
{story_list(ctx, ui["most_read"], ctx.stories(10), "popular", numbered=True)}
<section class="newsletter"><h3>{esc(ui["newsletter_title"])}</h3><p>{esc(ui["newsletter_text"])}</p><a href="{ctx.href("newsletters")}">{esc(ui["signup"])}</a></section>
</main>
{footer_html(ctx, "amp-footer")}
</body>
</html>
"""
    return Rendered(page, block_texts(blocks), optional)


def render_paywall(ctx: Ctx) -> Rendered:
    """A hard paywall: the page carries only the first two paragraphs, then a fade and the subscription offer;
    JSON-LD says isAccessibleForFree false."""
    a, ui, rng = ctx.article, ctx.loc.ui, ctx.rng
    ctx.url = ctx.href(
        ctx.section_slug, "article", f"{ctx.when:%Y/%m/%d}", f"{ctx.slug()}_{rng.randrange(10**6, 10**7)}.html"
    ).rstrip("/")
    visible: list[tuple[str, str]] = []
    for kind, text in a.blocks():
        visible.append((kind, text))
        if sum(k == "p" for k, _ in visible) == 2:
            break
    optional: list[str] = []
    content = body_html(
        visible,
        lambda t: f'<p class="article__paragraph">{esc(t)}</p>',
        lambda t: f'<h2 class="article__heading">{esc(t)}</h2>',
    )
    figure = ""
    if a.caption:
        optional.append(a.caption)
        figure = f'<figure class="article__figure"><img src="{image_src(ctx, 1140)}" srcset="{srcset(ctx)}" alt=""><figcaption class="article__caption">{esc(a.caption)}</figcaption></figure>'
    benefits = "".join(
        f"<li>{esc(text)}</li>" for text in (ui["newsletter_title"], ui["apps"], ui["listen"], ui["comments"])
    )
    ld = news_article_ld(
        ctx,
        isAccessibleForFree=False,
        hasPart={"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".article__paywalled"},
    )
    page = f"""<!DOCTYPE html>
<html lang="{ctx.loc.lang_tag}">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} | {esc(ctx.brand)}</title>
{head_meta(ctx)}
<meta property="article:author" content="{ctx.href("author", ctx.author_slug())}">
<meta property="article:content_tier" content="locked">
<link rel="canonical" href="{ctx.url}">
{json_script(ld)}
{preloads(ctx, 8)}
<style>{css_blob(rng, rng.randint(46000, 62000), "pw")}</style>
{data_layer(ctx).replace('"paywall": "free"', '"paywall": "hard"')}
<script>window.piano={{"aid":"{hexid(rng, 10)}","tags":["{ctx.section_slug}","premium"],"experience":{json.dumps(feature_flags(rng, 60))}}};</script>
</head>
<body class="article-premium">
{svg_sprite(rng, 28)}
<header class="site-header"><a class="site-header__logo" href="{ctx.base}/">{esc(ctx.brand)}</a><nav class="site-header__nav">{ul_menu(ctx.nav_tree(), "nav", rng)}</nav>
<div class="site-header__account"><a class="btn btn--primary" href="{ctx.href("offers")}">{esc(ui["subscribe"])}</a><a href="{ctx.href("login")}">{esc(ui["login"])}</a></div></header>
<main class="article-layout"><article class="article">
<header class="article__header"><a class="article__rubric" href="{ctx.href(ctx.section_slug)}">{esc(ctx.section_name)}</a><span class="article__premium-badge">{esc(ui["subscribe"])}</span>
<h1 class="article__title">{esc(a.title)}</h1>
<div class="article__meta"><span class="article__author">{esc(ui["by"])} <a href="{ctx.href("author", ctx.author_slug())}">{esc(a.author)}</a></span>
<span class="article__date">{esc(ui["published"])} <time datetime="{ctx.when.isoformat()}">{esc(ctx.date_text())} {esc(ctx.time_text())}</time></span>
<span class="article__reading">{esc(ui["read_time"].format(n=max(2, a.word_count() // 180)))}</span></div></header>
{figure}
<div class="article__content">
{content}
<div class="article__paywalled" aria-hidden="true"></div>
</div>
<div class="paywall" data-paywall="hard"><div class="paywall__fade"></div><div class="paywall__box">
<h2 class="paywall__title">{esc(ui["paywall_title"])}</h2><p class="paywall__text">{esc(ui["paywall_text"])}</p>
<ul class="paywall__benefits">{benefits}</ul><p class="paywall__offer">{esc(ui["paywall_offer"])}</p>
<a class="btn btn--primary paywall__cta" href="{ctx.href("offers")}">{esc(ui["subscribe"])}</a>
<p class="paywall__login"><a href="{ctx.href("login")}">{esc(ui["paywall_login"])}</a></p></div></div>
</article>
<aside class="article-layout__aside">{story_list(ctx, ui["most_read"], ctx.stories(10), "aside-popular", numbered=True)}</aside></main>
<section class="recirculation">{story_list(ctx, ui["related"], ctx.stories(9), "recirc", teaser=True)}{story_list(ctx, ui["latest"], ctx.stories(12), "recirc-latest")}</section>
{newsletter_box(ctx, "newsletter-footer")}
{footer_html(ctx, "site-footer")}
{cookie_banner(ctx, 1)}
<script>{js_blob(rng, rng.randint(24000, 38000))}</script>
</body>
</html>
"""
    return Rendered(page, block_texts(visible), optional)


def render_arabic_rtl(ctx: Ctx) -> Rendered:
    """An Arabic news site, right to left: a dateline before the first paragraph, "read also" links and ads
    inside the body, a pubdate meta, most-read and latest columns, a currency box."""
    a, ui, rng = ctx.article, ctx.loc.ui, ctx.rng
    news_id = rng.randrange(10**6, 10**7)
    ctx.url = ctx.href("news", str(news_id))
    blocks = a.blocks()
    optional: list[str] = []
    dateline = f"{a.dateline or 'القاهرة'} - {ctx.brand}"
    optional.append(dateline)
    also = ctx.stories(2)
    parts = []
    for index, (kind, text) in enumerate(blocks):
        if kind == "h":
            parts.append(f"<h3>{esc(text)}</h3>")
        else:
            lead = f"<strong>{esc(dateline)}:</strong> " if index == 0 else ""
            parts.append(f"<p>{lead}{esc(text)}</p>")
        if index == 1:
            parts.append(
                f'<div class="related-inline"><span>{esc(ui["read_also"])}:</span> <a href="{also[0].href}">{esc(also[0].title)}</a></div>'
            )
        if index == 3:
            parts.append(ad_slot(ctx, "ads-inarticle", 1))
        if index == len(blocks) // 2 and a.pull_quote:
            optional.append(a.pull_quote)
            parts.append(f'<blockquote class="quote">{esc(a.pull_quote)}</blockquote>')
    parts.append(
        f'<div class="related-inline"><span>{esc(ui["read_also"])}:</span> <a href="{also[1].href}">{esc(also[1].title)}</a></div>'
    )
    figure = ""
    if a.caption:
        optional.append(a.caption)
        figure = f'<div class="news-image"><img src="{image_src(ctx, 900)}" alt="{esc(a.title)}"><p class="img-caption">{esc(a.caption)}</p></div>'
    currencies = "".join(
        f"<tr><td>{code}</td><td>{rate:.2f}</td><td>{rate * 1.012:.2f}</td></tr>"
        for code, rate in (
            ("USD", 1.0),
            ("EUR", 1.08),
            ("GBP", 1.27),
            ("SAR", 0.27),
            ("AED", 0.27),
            ("EGP", 0.02),
            ("TRY", 0.03),
        )
    )
    page = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.title)} | {esc(ctx.brand)}</title>
{head_meta(ctx, published_meta=False)}
<meta name="pubdate" content="{ctx.when:%Y%m%d}">
<meta name="keywords" content="{esc("، ".join(ctx.loc.topics[:6]))}">
<link rel="canonical" href="{ctx.url}">
{json_script(news_article_ld(ctx))}
<link rel="stylesheet" href="{ctx.base}/assets/css/main.rtl.min.css">
<style>{css_blob(rng, rng.randint(42000, 56000), "ar")}</style>
{data_layer(ctx)}
<script>{js_blob(rng, rng.randint(16000, 26000))}</script>
</head>
<body class="rtl news-details">
{svg_sprite(rng, 18)}
<div class="top-header"><span class="today">{esc(ctx.date_text(weekday=True))}</span><a href="{ctx.href("login")}">{esc(ui["login"])}</a><a href="{ctx.href("newsletter")}">{esc(ui["newsletter_title"])}</a></div>
<header class="main-header"><a class="logo" href="{ctx.base}/">{esc(ctx.brand)}</a><form action="{ctx.href("search")}"><input type="search" placeholder="{esc(ui["search"])}"></form>
<nav class="main-menu">{ul_menu(ctx.nav_tree(), "menu", rng)}</nav></header>
<div class="breaking"><span>{esc(ui["breaking"])}</span><marquee direction="right">{" | ".join(esc(s.title) for s in ctx.stories(6))}</marquee></div>
{ad_slot(ctx, "ads-top", 0)}
<div class="container"><div class="row"><div class="col-main">
<ol class="breadcrumb"><li><a href="{ctx.base}/">{esc(ui["home"])}</a></li><li><a href="{ctx.href(ctx.section_slug)}">{esc(ctx.section_name)}</a></li></ol>
<div class="news-details-box">
<h1 class="news-title">{esc(a.title)}</h1>
<div class="news-info"><span class="writer">{esc(ui["by"])}: {esc(a.author)}</span><span class="date">{esc(ui["published"])}: {esc(ctx.date_text(weekday=True))} - {ctx.when:%H:%M}</span></div>
{share_bar(ctx, "share-box")}
{figure}
<div class="news-text" id="NewsStory">
{"".join(parts)}
</div>
<div class="tags-box"><span>{esc(ui["tags"])}:</span>{"".join(f'<a href="{ctx.href("tag", TOPIC_SLUGS[i])}">{esc(t)}</a>' for i, t in enumerate(ctx.loc.topics[:5]))}</div>
</div>
{story_list(ctx, ui["related"], ctx.stories(6), "related-news", teaser=True)}
<div class="comments-box"><h3>{esc(ui["comments"])}</h3><p>{esc(ui["login_to_comment"])}</p></div>
</div>
<div class="col-side">{story_list(ctx, ui["most_read"], ctx.stories(10), "most-read", numbered=True)}{story_list(ctx, ui["latest"], ctx.stories(15), "latest-news")}
<div class="currency-box"><h3>{esc(ctx.loc.sections[2])}</h3><table><tbody>{currencies}</tbody></table></div>{newsletter_box(ctx, "nl-side")}</div></div></div>
{footer_html(ctx, "main-footer")}
{cookie_banner(ctx, 0)}
<script>{js_blob(rng, rng.randint(14000, 24000))}</script>
</body>
</html>
"""
    return Rendered(page, block_texts(blocks), optional)


def render_table_layout(ctx: Ctx) -> Rendered:
    """An old-school table layout: <font> tags, three columns of links, a poll, rollover scripts, numeric
    character references for every accented letter, no structured metadata at all."""
    a, ui, rng = ctx.article, ctx.loc.ui, ctx.rng
    story_id = rng.randrange(10000, 99999)
    ctx.url = f"{ctx.base}/news/story.asp?id={story_id}"
    e = esc_ascii
    blocks = a.blocks()
    optional: list[str] = []
    paragraphs = []
    for index, (kind, text) in enumerate(blocks):
        if kind == "h":
            paragraphs.append(f'<p><font face="Verdana, Arial, Helvetica" size="2"><b>{e(text)}</b></font></p>')
        else:
            paragraphs.append(f'<p><font face="Verdana, Arial, Helvetica" size="2">{e(text)}</font></p>')
        if index == len(blocks) // 2 and a.pull_quote:
            optional.append(a.pull_quote)
            paragraphs.append(
                f'<table align="right" width="200" cellpadding="6"><tr><td bgcolor="#EEEEEE"><font size="3" color="#990000"><i>&quot;{e(a.pull_quote)}&quot;</i></font></td></tr></table>'
            )
    photo = ""
    if a.caption:
        optional.append(a.caption)
        photo = f'<table align="right" border="0" cellpadding="4" width="260"><tr><td><img src="{image_src(ctx, 250)}" width="250" border="0"><br><font size="1" color="#666666">{e(a.caption)}</font></td></tr></table>'
    left = "<br>\n".join(
        f'<a href="{href}" class="navlink"><font size="1">{e(label)}</font></a>'
        for _, _, children in ctx.nav_tree()
        for label, href in children
    )
    sections = " | ".join(
        f'<a href="{ctx.href(SECTION_SLUGS[i])}"><font color="#FFFFFF" size="2"><b>{e(name)}</b></font></a>'
        for i, name in enumerate(ctx.loc.sections)
    )
    archive = "<br>\n".join(
        f'<a href="{ctx.base}/archive.asp?d={(ctx.when - timedelta(days=d)):%Y%m%d}"><font size="1">{e(ctx.date_text(ctx.when - timedelta(days=d)))}</font></a>'
        for d in range(1, 61)
    )
    right_lists = "".join(
        f'<tr><td bgcolor="#DDDDDD"><font size="2"><b>{e(title)}</b></font></td></tr><tr><td>'
        + "<br>\n".join(f'<font size="1">&#8226; <a href="{s.href}">{e(s.title)}</a></font>' for s in stories)
        + "</td></tr>"
        for title, stories in (
            (ui["most_read"], ctx.stories(10)),
            (ui["latest"], ctx.stories(14)),
            (ui["related"], ctx.stories(8)),
        )
    )
    preload = ",".join(f"'{ctx.base}/images/nav_{rng_word(rng)}_{i}_on.gif'" for i in range(40))
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(ctx.brand)} - {e(a.title)}</title>
<meta name="keywords" content="{e(", ".join(ctx.loc.topics[:8] + ctx.loc.places[:6]))}">
<meta name="description" content="{e(first_sentence(a.paragraphs[0]))}">
<link rel="stylesheet" href="{ctx.base}/styles/main.css" type="text/css">
<style type="text/css">{css_blob(rng, rng.randint(6000, 10000), "td")}</style>
<script language="JavaScript" type="text/javascript">
function MM_preloadImages() {{ var d=document; if(d.images){{ if(!d.MM_p) d.MM_p=new Array(); var i,j=d.MM_p.length,a=MM_preloadImages.arguments; for(i=0; i<a.length; i++) if (a[i].indexOf("#")!=0){{ d.MM_p[j]=new Image; d.MM_p[j++].src=a[i];}}}} }}
function MM_swapImgRestore() {{ var i,x,a=document.MM_sr; for(i=0;a&&i<a.length&&(x=a[i])&&x.oSrc;i++) x.src=x.oSrc; }}
var preload = [{preload}];
{js_blob(rng, rng.randint(56000, 76000))}
</script>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0" onLoad="MM_preloadImages(preload)">
<table width="980" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td colspan="3" bgcolor="#003366"><table width="100%" cellpadding="6"><tr><td><a href="{ctx.base}/"><img src="{ctx.base}/images/logo.gif" width="300" height="60" border="0" alt="{e(ctx.brand)}"></a></td>
<td align="right"><font color="#FFFFFF" size="1">{e(ctx.date_text(weekday=True))}<br>{e(ui["weather"])}: 21&deg;</font></td></tr></table></td></tr>
<tr><td colspan="3" bgcolor="#336699" height="24">&nbsp;{sections}</td></tr>
<tr><td colspan="3"><script type="text/javascript">{js_blob(rng, 1200)}</script><a href="https://ads.example/click?b={hexid(rng, 8)}"><img src="https://ads.example/banner_728x90.gif" width="728" height="90" border="0" alt="{e(ui["advert"])}"></a></td></tr>
<tr>
<td width="170" valign="top" bgcolor="#F0F0F0"><font size="2"><b>{e(ui["tags"])}</b></font><br>{left}<br><br><font size="2"><b>{e(ui["archive"])}</b></font><br>{archive}</td>
<td width="590" valign="top" style="padding: 10px">
<font size="1" color="#999999"><a href="{ctx.base}/">{e(ui["home"])}</a> &raquo; {e(ctx.section_name)}</font><br>
<font size="5" face="Georgia, Times New Roman"><b>{e(a.title)}</b></font><br>
<font size="2" color="#666666">{e(ui["by"])} {e(a.author)}<br>{e(ctx.date_text(weekday=True))}</font><br><br>
{photo}
{"".join(paragraphs)}
<br><hr size="1" noshade>
<font size="1"><a href="{ctx.base}/news/print.asp?id={story_id}">{e(ui["print"])}</a> | <a href="{ctx.base}/news/email.asp?id={story_id}">E-mail</a> | <a href="#top">{e(ui["back_to_top"])}</a></font>
<hr size="1" noshade>
</td>
<td width="220" valign="top"><table width="100%" cellpadding="3">
<tr><td><a href="https://ads.example/click?b={hexid(rng, 8)}"><img src="https://ads.example/sky_160x600.gif" width="160" height="600" border="0" alt="{e(ui["advert"])}"></a></td></tr>
{right_lists}
<tr><td bgcolor="#DDDDDD"><font size="2"><b>{e(ui["poll_question"])}</b></font></td></tr>
<tr><td><form action="{ctx.base}/poll.asp" method="post"><input type="radio" name="v" value="1"><font size="1">{e(ui["poll_yes"])}</font><br><input type="radio" name="v" value="2"><font size="1">{e(ui["poll_no"])}</font><br><input type="submit" value="{e(ui["vote"])}"></form></td></tr>
</table></td></tr>
<tr><td colspan="3" bgcolor="#003366" align="center"><font color="#FFFFFF" size="1">{" | ".join(f'<a href="{href}"><font color="#FFFFFF">{e(label)}</font></a>' for label, href in ctx.service_links())}<br>
Copyright &copy; 1998-{ctx.when.year} {e(ctx.brand)}. {e(ui["rights"])}</font></td></tr>
</table>
<script type="text/javascript">{js_blob(rng, rng.randint(14000, 24000))}</script>
</body>
</html>
"""
    return Rendered(page, block_texts(blocks), optional)


TEMPLATES: dict[str, Callable[[Ctx], Rendered]] = {
    "wordpress": render_wordpress,
    "react_ssr": render_react_ssr,
    "liveblog": render_liveblog,
    "divbr": render_divbr,
    "inline_ads": render_inline_ads,
    "comments": render_comments,
    "russian_portal": render_russian_portal,
    "amp": render_amp,
    "paywall": render_paywall,
    "arabic_rtl": render_arabic_rtl,
    "table_layout": render_table_layout,
}


# ---------------------------------------------------------------------------------------------------------------
# The corpus.


def render_page(article: Article, template: str, others: list[Article]) -> Page:
    rng = random.Random(f"{SEED}:{article.id}:{template}")
    brand, domain = BRANDS[template][article.language]
    ctx = Ctx(
        article=article,
        loc=LOCALES[article.language],
        rng=rng,
        template=template,
        brand=brand,
        domain=domain,
        others=others,
        section=rng.choice((0, 0, 1, 3)),
    )
    rendered = TEMPLATES[template](ctx)
    gold = Gold(
        title=article.title,
        text="\n".join(rendered.body),
        author=article.author,
        published=article.published,
        language=article.language,
        optional=tuple(rendered.optional),
    )
    return Page(id=article.id, split=SPLITS[template], template=template, url=ctx.url, html=rendered.html, gold=gold)


def build_corpus(articles: list[Article] | None = None) -> list[Page]:
    """Every article rendered by its assigned template, in articles.json order. Deterministic."""
    articles = articles if articles is not None else load_articles()
    pages = []
    for article in articles:
        template = ASSIGNMENT[article.id]
        others = [other for other in articles if other.language == article.language and other.id != article.id]
        pages.append(render_page(article, template, others))
    return pages


def summary(pages: list[Page]) -> str:
    """Pages, sizes and languages per template and split."""
    lines = [f"{'template':<16}{'split':<9}{'pages':>6}{'mean KB':>9}{'min':>6}{'max':>6}  languages"]
    for template in TEMPLATES:
        group = [page for page in pages if page.template == template]
        if not group:
            continue
        sizes = [len(page.html.encode("utf-8")) / 1024 for page in group]
        languages = Counter(page.gold.language for page in group)
        lines.append(
            f"{template:<16}{SPLITS[template]:<9}{len(group):>6}{statistics.mean(sizes):>9.0f}{min(sizes):>6.0f}{max(sizes):>6.0f}  "
            + " ".join(f"{lang}:{n}" for lang, n in sorted(languages.items()))
        )
    sizes = [len(page.html.encode("utf-8")) / 1024 for page in pages]
    splits = Counter(page.split for page in pages)
    lines.append(
        f"{len(pages)} pages ({', '.join(f'{name} {n}' for name, n in sorted(splits.items()))}), "
        f"mean {statistics.mean(sizes):.0f} KB, median {statistics.median(sizes):.0f} KB, {min(sizes):.0f}-{max(sizes):.0f} KB"
    )
    for split in ("tuning", "heldout"):
        languages = Counter(page.gold.language for page in pages if page.split == split)
        lines.append(f"  {split}: " + " ".join(f"{lang}:{languages[lang]}" for lang in LANGUAGES))
    return "\n".join(lines)


def write_pages(pages: list[Page], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for page in pages:
        (directory / f"{page.id}.html").write_text(page.html, encoding="utf-8")
        meta = {"id": page.id, "split": page.split, "template": page.template, "url": page.url, **asdict(page.gold)}
        (directory / f"{page.id}.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--write", type=Path, metavar="DIR", help="write DIR/<id>.html and DIR/<id>.json (gold)")
    args = parser.parse_args(argv)
    pages = build_corpus()
    print(summary(pages))
    if args.write:
        write_pages(pages, args.write)
        print(f"written {2 * len(pages)} files to {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
