"""Text of sign-in, sign-out and access refusals."""

TEXT = {
    "auth.sign_in": {"en": "Sign in", "fr": "Se connecter"},
    "auth.sign_in_title": {
        "en": "Sign in to the EU-IOM Actions dashboard",
        "fr": "Connexion au tableau de bord des Actions UE-OIM",
    },
    "auth.sign_in_oidc": {
        "en": "Sign in with your organisation account",
        "fr": "Se connecter avec le compte de votre organisation",
    },
    "auth.user_name": {"en": "User name", "fr": "Nom d’utilisateur"},
    "auth.password": {"en": "Password", "fr": "Mot de passe"},
    "auth.sign_out": {"en": "Sign out", "fr": "Se déconnecter"},
    "auth.signed_in_as": {
        "en": "Signed in as {name} ({roles})",
        "fr": "Connecté·e : {name} ({roles})",
    },
    "auth.signed_out": {"en": "You are signed out.", "fr": "Vous êtes déconnecté·e."},
    "auth.expired": {
        "en": "Your session has expired: please sign in again.",
        "fr": "Votre session a expiré : veuillez vous reconnecter.",
    },
    "auth.bad_credentials": {
        "en": "Wrong user name or password.",
        "fr": "Nom d’utilisateur ou mot de passe incorrect.",
    },
    "auth.too_many_address": {
        "en": "Too many failed sign-ins from your address: try again in {minutes} min.",
        "fr": "Trop d’échecs de connexion depuis votre adresse : réessayez dans {minutes} min.",
    },
    "auth.too_many_name": {
        "en": "Too many failed sign-ins with this user name from your address: try again in "
        "{minutes} min.",
        "fr": "Trop d’échecs de connexion avec ce nom d’utilisateur depuis votre adresse : "
        "réessayez dans {minutes} min.",
    },
    "auth.provider_error": {
        "en": "The sign-in with your organisation did not complete ({reason}). Please try again.",
        "fr": "La connexion avec votre organisation n’a pas abouti ({reason}). Veuillez réessayer.",
    },
    "auth.no_role": {
        "en": "Your account ({name}) has no role in this dashboard. Ask its administrator for access.",
        "fr": "Votre compte ({name}) n’a aucun rôle dans ce tableau de bord. Demandez l’accès à son administrateur.",
    },
    "auth.forbidden": {
        "en": "Your role does not allow this page.",
        "fr": "Votre rôle ne donne pas accès à cette page.",
    },
    "auth.how_to.manage_data.local": {
        "en": "Importing data needs the data manager right. On this computer: open the link that the terminal "
        "running the dashboard (make run, python run.py) printed, “To import data in the browser of this "
        "computer, open http://…/auth/local?key=…”; it works in this computer’s browser only, until the "
        "server stops. Or import on the command line: python -m dashboard import FILE.",
        "fr": "L’import de données demande le droit de gestionnaire de données. Sur cet ordinateur : ouvrez le lien "
        "que le terminal où tourne le tableau de bord (make run, python run.py) a affiché, « To import data "
        "in the browser of this computer, open http://…/auth/local?key=… » ; il ne fonctionne que dans le "
        "navigateur de cet ordinateur, jusqu’à l’arrêt du serveur. Ou importez en ligne de commande : "
        "python -m dashboard import FICHIER.",
    },
    "auth.how_to.manage_data.open": {
        "en": "Importing data needs the data manager right, which this server gives nobody in the browser (no "
        "sign-in, and no local data manager link: it is not served on this computer’s loopback address "
        "only). Import on the server with python -m dashboard import FILE, or ask the administrator to turn "
        "sign-in on (EUIOM_AUTH=users or oidc) and give you the data manager role.",
        "fr": "L’import de données demande le droit de gestionnaire de données, que ce serveur ne donne à personne "
        "dans le navigateur (pas de connexion, et pas de lien de gestionnaire local : il n’est pas servi "
        "sur la seule adresse de bouclage de cet ordinateur). Importez sur le serveur avec python -m "
        "dashboard import FICHIER, ou demandez à l’administrateur d’activer la connexion (EUIOM_AUTH=users "
        "ou oidc) et de vous donner le rôle de gestionnaire de données.",
    },
    "auth.how_to.manage_data.signed_in": {
        "en": "Importing data needs the data manager role, which {name} does not have. Sign out, then sign in "
        "as a data manager; or ask the administrator to give {name} that role.",
        "fr": "L’import de données demande le rôle de gestionnaire de données, que {name} n’a pas. Déconnectez-vous, "
        "puis connectez-vous en tant que gestionnaire de données ; ou demandez à l’administrateur de "
        "donner ce rôle à {name}.",
    },
    "auth.form_expired": {
        "en": "This sign-in form has expired or did not come from this site: sign in again below.",
        "fr": "Ce formulaire de connexion a expiré ou ne vient pas de ce site : connectez-vous de nouveau ci-dessous.",
    },
    "auth.back_to_dashboard": {"en": "Back to the dashboard", "fr": "Retour au tableau de bord"},
    "auth.session_note": {
        "en": "A sign-in lasts {duration}.",
        "fr": "Une connexion dure {duration}.",
    },
    "auth.other_language": {"en": "Français", "fr": "English"},
    "auth.role.viewer": {"en": "viewer", "fr": "consultation"},
    "auth.role.analyst": {"en": "analyst", "fr": "analyste"},
    "auth.role.data_manager": {"en": "data manager", "fr": "gestion des données"},
}
