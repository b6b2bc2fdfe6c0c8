"""One-line refusals and failures (dashboard.server.http_errors), in English and French."""

TEXT = {
    "http.400": {"en": "Bad request.", "fr": "Requête incorrecte."},
    "http.400.callback": {
        "en": "Malformed callback request.",
        "fr": "Requête de rappel mal formée.",
    },
    "http.401": {"en": "Sign in first.", "fr": "Connectez-vous d’abord."},
    "http.401.api": {
        "en": "Sign-in is on: send Authorization: Bearer <token> (analysts create tokens on /tokens).",
        "fr": "La connexion est requise : envoyez Authorization: Bearer <jeton> (les analystes créent des jetons "
        "sur /tokens).",
    },
    "http.403": {"en": "Your role does not allow this.", "fr": "Votre rôle ne le permet pas."},
    "http.403.role": {
        "en": "Your role does not allow this ({permissions}).",
        "fr": "Votre rôle ne le permet pas ({permissions}).",
    },
    "http.403.cross_site": {
        "en": "Cross-site request refused.",
        "fr": "Requête venant d’un autre site refusée.",
    },
    "http.403.csrf": {
        "en": "CSRF token missing or invalid: reload the page.",
        "fr": "Jeton CSRF manquant ou invalide : rechargez la page.",
    },
    "http.404": {"en": "Not found.", "fr": "Introuvable."},
    "http.411": {"en": "Send a Content-Length.", "fr": "Envoyez un en-tête Content-Length."},
    "http.413": {"en": "Request too large.", "fr": "Requête trop volumineuse."},
    "http.415": {"en": "Unsupported content type.", "fr": "Type de contenu non pris en charge."},
    "http.429": {
        "en": "Too many requests: slow down and retry after the time in Retry-After.",
        "fr": "Trop de requêtes : ralentissez et réessayez après le délai indiqué par Retry-After.",
    },
    "http.431": {"en": "Request headers too large.", "fr": "En-têtes de requête trop volumineux."},
    "http.500": {
        "en": "The server could not answer this request.",
        "fr": "Le serveur n’a pas pu répondre à cette requête.",
    },
    "http.503": {
        "en": "The shared state (Redis) does not answer: sign-in, sessions and limits are unavailable; retry in a "
        "minute (the administrator is told by /healthz).",
        "fr": "L’état partagé (Redis) ne répond pas : connexion, sessions et limites sont indisponibles ; "
        "réessayez dans une minute (l’administrateur le voit sur /healthz).",
    },
    "http.400.path": {"en": "Bad request: {problem}.", "fr": "Requête incorrecte : {problem}."},
    "http.400.utf8": {
        "en": "Bad request: the address is not valid UTF-8.",
        "fr": "Requête incorrecte : l’adresse n’est pas du texte UTF-8 valide.",
    },
    "http.path.start": {"en": "the path must start with /", "fr": "le chemin doit commencer par /"},
    "http.path.encoded": {
        "en": "the path holds an encoded '.', '/', '\\' or '%'",
        "fr": "le chemin contient un '.', '/', '\\' ou '%' encodé",
    },
    "http.path.empty": {
        "en": "the path holds an empty segment (//)",
        "fr": "le chemin contient un segment vide (//)",
    },
    "http.path.segment": {
        "en": "the path holds a dot segment, a backslash or a character no address has",
        "fr": "le chemin contient un segment point, une barre oblique inverse ou un caractère "
        "qu’aucune adresse ne contient",
    },
}
