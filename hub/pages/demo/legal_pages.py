"""The privacy notice and the accessibility statement."""

import datetime

from hub.pages.models import StandardPage

from .text import L, html, ul

PRIVACY_VERSION = "2026-11"
REVIEWED = datetime.date(2026, 11, 20)

PRIVACY = {
    "key": "privacy",
    "model": StandardPage,
    "slug": L("privacy", "confidentialite"),
    "title": L("Privacy notice", "Politique de confidentialité"),
    "fields": {
        "version": PRIVACY_VERSION,
        "last_reviewed": REVIEWED,
        "summary": L(
            "What we collect when you register for an event, why, how long we keep it "
            "and how to have it erased.",
            "Ce que nous collectons lors de votre inscription à un événement, "
            "pourquoi, combien de temps nous le gardons et comment le faire effacer.",
        ),
        "body": L(
            [
                ("heading", "Who is responsible"),
                (
                    "paragraph",
                    html(
                        "The hub's editorial team is responsible for the personal data "
                        "collected through this site. You can reach it through the "
                        "contact details given in every confirmation e-mail. Reading "
                        "the hub requires no account and no personal data."
                    ),
                ),
                ("heading", "What we collect when you register"),
                (
                    "paragraph",
                    html(
                        "When you register for an event we record:",
                        ul(
                            "your name, e-mail address, organisation, country and "
                            "role;",
                            "the language in which you want to receive messages;",
                            "any accessibility or dietary needs you choose to tell us;",
                            "whether you ask for a subsidised travel place, and "
                            "whether one is granted;",
                            "your consent, the time you gave it and the version of "
                            "this notice you accepted;",
                            "the status of your registration (confirmed, waiting list, "
                            "cancelled) and, on the day, the time you checked in.",
                        ),
                    ),
                ),
                ("heading", "Why"),
                (
                    "paragraph",
                    html(
                        "We use these data only to run the event: confirm your place, "
                        "manage the waiting list, allocate travel places, send you the "
                        "practical information and a calendar file, arrange access and "
                        "meals, and count attendance. Events funded by public "
                        "programmes may have to report how many people attended from "
                        "each country: we report counts, never names. We do not sell "
                        "or share your data for marketing. The legal basis is your "
                        "consent, which you can withdraw at any time.",
                    ),
                ),
                ("heading", "How long we keep them"),
                (
                    "paragraph",
                    html(
                        "Personal data of registrations are anonymised <b>30 days "
                        "after the event</b>: names, e-mail addresses, organisations "
                        "and needs are erased and only anonymous counts remain. If you "
                        "cancel, the same rule applies."
                    ),
                ),
                ("heading", "Your rights and how to erase your data"),
                (
                    "paragraph",
                    html(
                        "You have the right to access, correct and erase your data, to "
                        "restrict or object to their use, to receive them in a "
                        "portable format and to withdraw your consent.",
                        "The confirmation e-mail contains a personal link to manage "
                        "your registration: use it to change your details, cancel, or "
                        "erase your data at once without waiting for the 30 days. For "
                        "any other request, reply to the confirmation e-mail.",
                        "You may also complain to a data-protection authority: the "
                        "CNIL in France or the Information Commissioner's Office in "
                        "the United Kingdom.",
                    ),
                ),
                ("heading", "Cookies"),
                (
                    "paragraph",
                    html(
                        "The hub only sets the cookies it needs to work, such as the "
                        "security cookie of the registration form and your language "
                        "choice. There are no advertising or tracking cookies."
                    ),
                ),
            ],
            [
                ("heading", "Qui est responsable"),
                (
                    "paragraph",
                    html(
                        "L'équipe éditoriale du hub est responsable des données "
                        "personnelles collectées sur ce site. Vous pouvez la joindre "
                        "grâce aux coordonnées indiquées dans chaque e-mail de "
                        "confirmation. La consultation du site ne demande ni compte ni "
                        "donnée personnelle."
                    ),
                ),
                ("heading", "Ce que nous collectons lors de l'inscription"),
                (
                    "paragraph",
                    html(
                        "Lorsque vous vous inscrivez à un événement, nous enregistrons "
                        ":",
                        ul(
                            "vos nom, adresse e-mail, structure, pays et fonction ;",
                            "la langue dans laquelle vous souhaitez recevoir nos "
                            "messages ;",
                            "les besoins d'accessibilité ou alimentaires que vous "
                            "choisissez de nous indiquer ;",
                            "si vous demandez une place de voyage prise en charge, et "
                            "si elle vous est attribuée ;",
                            "votre consentement, sa date et la version de cette "
                            "politique que vous avez acceptée ;",
                            "le statut de votre inscription (confirmée, liste "
                            "d'attente, annulée) et, le jour venu, l'heure de votre "
                            "arrivée.",
                        ),
                    ),
                ),
                ("heading", "Pourquoi"),
                (
                    "paragraph",
                    html(
                        "Ces données servent uniquement à organiser l'événement : "
                        "confirmer votre place, gérer la liste d'attente, attribuer "
                        "les places de voyage, vous envoyer les informations pratiques "
                        "et un fichier d'agenda, prévoir l'accessibilité et les repas, "
                        "compter les présents. Les événements financés par des "
                        "programmes publics peuvent devoir déclarer le nombre de "
                        "participants par pays : nous transmettons des effectifs, "
                        "jamais des noms. Nous ne vendons ni ne partageons vos données "
                        "à des fins commerciales. La base légale est votre "
                        "consentement, que vous pouvez retirer à tout moment.",
                    ),
                ),
                ("heading", "Durée de conservation"),
                (
                    "paragraph",
                    html(
                        "Les données personnelles des inscriptions sont anonymisées "
                        "<b>30 jours après l'événement</b> : noms, adresses e-mail, "
                        "structures et besoins sont effacés et seuls des effectifs "
                        "anonymes subsistent. La même règle s'applique en cas "
                        "d'annulation."
                    ),
                ),
                ("heading", "Vos droits et l'effacement de vos données"),
                (
                    "paragraph",
                    html(
                        "Vous disposez d'un droit d'accès, de rectification et "
                        "d'effacement, d'un droit de limitation et d'opposition, d'un "
                        "droit à la portabilité et du droit de retirer votre "
                        "consentement.",
                        "L'e-mail de confirmation contient un lien personnel de "
                        "gestion de votre inscription : il permet de modifier vos "
                        "informations, d'annuler ou d'effacer immédiatement vos "
                        "données sans attendre les 30 jours. Pour toute autre demande, "
                        "répondez à l'e-mail de confirmation.",
                        "Vous pouvez aussi saisir une autorité de protection des "
                        "données : la CNIL en France ou l'Information Commissioner's "
                        "Office au Royaume-Uni.",
                    ),
                ),
                ("heading", "Cookies"),
                (
                    "paragraph",
                    html(
                        "Le hub ne dépose que les cookies nécessaires à son "
                        "fonctionnement, comme le cookie de sécurité du formulaire "
                        "d'inscription et votre choix de langue. Aucun cookie "
                        "publicitaire ni de suivi."
                    ),
                ),
            ],
        ),
    },
}

ACCESSIBILITY = {
    "key": "accessibility",
    "model": StandardPage,
    "slug": L("accessibility", "accessibilite"),
    "title": L("Accessibility statement", "Déclaration d'accessibilité"),
    "fields": {
        "last_reviewed": REVIEWED,
        "summary": L(
            "How accessible the hub is, what we know does not work yet, and how to "
            "tell us about a problem.",
            "Le niveau d'accessibilité du hub, ce que nous savons ne pas encore "
            "fonctionner et comment nous signaler un problème.",
        ),
        "body": L(
            [
                ("heading", "Our commitment"),
                (
                    "paragraph",
                    html(
                        "We want everyone to be able to use the hub, whatever their "
                        "device, browser or assistive technology. We aim to meet level "
                        "AA of the Web Content Accessibility Guidelines (WCAG 2.2) and "
                        "of the French RGAA reference framework."
                    ),
                ),
                ("heading", "Compliance status"),
                (
                    "paragraph",
                    html(
                        "The hub has not yet been audited by an independent body, so "
                        "it is declared <b>not compliant</b> until an audit has been "
                        "carried out. We test it ourselves with the keyboard, a screen "
                        "reader and automated checks, in both languages.",
                        "Known limitations:",
                        ul(
                            "some older PDF reports published by project partners are "
                            "not tagged for screen readers;",
                            "some documents exist in one language only.",
                        ),
                    ),
                ),
                ("heading", "Tell us about a problem"),
                (
                    "paragraph",
                    html(
                        "If you cannot reach a piece of content or a service, tell the "
                        "editorial team and we will send it to you in another format "
                        "within ten working days. In France, if you get no answer you "
                        "may contact the Défenseur des droits."
                    ),
                ),
            ],
            [
                ("heading", "Notre engagement"),
                (
                    "paragraph",
                    html(
                        "Nous voulons que chacun puisse utiliser le hub, quel que soit "
                        "son appareil, son navigateur ou sa technologie d'assistance. "
                        "Nous visons le niveau AA des règles WCAG 2.2 et du "
                        "référentiel général d'amélioration de l'accessibilité (RGAA)."
                    ),
                ),
                ("heading", "État de conformité"),
                (
                    "paragraph",
                    html(
                        "Le hub n'a pas encore fait l'objet d'un audit indépendant : "
                        "il est donc déclaré <b>non conforme</b> jusqu'à la "
                        "réalisation de cet audit. Nous le testons nous-mêmes au "
                        "clavier, avec un lecteur d'écran et des outils automatiques, "
                        "dans les deux langues.",
                        "Limites connues :",
                        ul(
                            "certains rapports PDF anciens publiés par les partenaires "
                            "ne sont pas balisés pour les lecteurs d'écran ;",
                            "certains documents n'existent que dans une langue.",
                        ),
                    ),
                ),
                ("heading", "Signaler un problème"),
                (
                    "paragraph",
                    html(
                        "Si vous ne pouvez pas accéder à un contenu ou à un service, "
                        "signalez-le à l'équipe éditoriale : nous vous le "
                        "transmettrons sous une autre forme dans un délai de dix jours "
                        "ouvrés. Sans réponse de notre part, vous pouvez saisir le "
                        "Défenseur des droits."
                    ),
                ),
            ],
        ),
    },
}
