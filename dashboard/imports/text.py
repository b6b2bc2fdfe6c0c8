"""Text of the import page (data managers)."""

TEXT = {
    "nav.import": {"en": "Import data", "fr": "Importer"},
    "nav.import_local": {
        "en": "Import data (this computer only)",
        "fr": "Importer (cet ordinateur seulement)",
    },
    "import.title": {"en": "Import data", "fr": "Importer des données"},
    "import.intro": {
        "en": "For data managers: add indicator values or Reintegration Sustainability Survey records from a CSV, "
        "Excel (.xlsx) or Parquet file. The file is checked first and nothing is written until you "
        "confirm. Imported rows are shown everywhere as imported data, never mixed with demo data. "
        "Every server switches to the new data within seconds.",
        "fr": "Pour les gestionnaires de données : ajoutez des valeurs d’indicateurs ou des enregistrements de "
        "l’enquête sur la durabilité de la réintégration depuis un fichier CSV, Excel (.xlsx) ou Parquet. "
        "Le fichier est d’abord vérifié et rien n’est écrit avant votre confirmation. Les lignes "
        "importées sont partout présentées comme des données importées, jamais mêlées aux données de "
        "démonstration. Tous les serveurs passent aux nouvelles données en quelques secondes.",
    },
    "import.unavailable": {
        "en": "This server reads a single store file, which cannot change while it is served: importing here "
        "needs a store directory (EUIOM_STORE set to a directory; see docs/scaling.md). The command "
        "line import still works while no server reads the file.",
        "fr": "Ce serveur lit un fichier d’entrepôt unique, qui ne peut pas changer pendant qu’il est servi : "
        "importer ici demande un répertoire d’entrepôt (EUIOM_STORE pointant vers un répertoire ; voir "
        "docs/scaling.md). L’import en ligne de commande reste possible quand aucun serveur ne lit le "
        "fichier.",
    },
    "import.step1": {"en": "1. Choose the file", "fr": "1. Choisir le fichier"},
    "import.upload": {
        "en": "Drag a file here, or click to choose one (CSV, .xlsx or Parquet, up to 50 MB)",
        "fr": "Déposez un fichier ici, ou cliquez pour en choisir un (CSV, .xlsx ou Parquet, "
        "50 Mo au plus)",
    },
    "import.kind": {"en": "Kind of data", "fr": "Type de données"},
    "import.kind.auto": {"en": "Tell from the columns", "fr": "D’après les colonnes"},
    "import.kind.indicators": {"en": "Indicator values", "fr": "Valeurs d’indicateurs"},
    "import.kind.survey": {"en": "Survey records", "fr": "Enregistrements d’enquête"},
    "import.replace_demo": {
        "en": "Replace the demo data: this store holds invented demo data, which real data never joins. "
        "Ticking this removes every demo row in the same step as the import.",
        "fr": "Remplacer les données de démonstration : cet entrepôt contient des données inventées, "
        "auxquelles les données réelles ne sont jamais ajoutées. Cocher cette case supprime toutes les "
        "lignes de démonstration en même temps que l’import.",
    },
    "import.step2": {"en": "2. Read the report", "fr": "2. Lire le rapport"},
    "import.no_file": {"en": "No file chosen yet.", "fr": "Aucun fichier choisi pour l’instant."},
    "import.refused": {
        "en": "{file} cannot be imported as it is: {count} problem(s), listed by row and column below. "
        "Nothing was written. Correct the file and choose it again.",
        "fr": "{file} ne peut pas être importé tel quel : {count} problème(s), listés par ligne et colonne "
        "ci-dessous. Rien n’a été écrit. Corrigez le fichier et choisissez-le à nouveau.",
    },
    "import.accepted": {
        "en": "{file}: {rows} {kind} rows are ready to import, as imported data. Nothing is written until you "
        "confirm.",
        "fr": "{file} : {rows} lignes ({kind}) sont prêtes à être importées, comme données importées. Rien "
        "n’est écrit avant votre confirmation.",
    },
    "import.kind_name.indicators": {"en": "indicator value", "fr": "valeurs d’indicateurs"},
    "import.kind_name.survey": {"en": "survey record", "fr": "enregistrements d’enquête"},
    "import.replaces_demo": {
        "en": "All demo data will be removed in the same step.",
        "fr": "Toutes les données de démonstration seront supprimées dans la même étape.",
    },
    "import.notes": {"en": "How the file was read:", "fr": "Lecture du fichier :"},
    "import.step3": {"en": "3. Confirm", "fr": "3. Confirmer"},
    "import.confirm": {"en": "Import these rows", "fr": "Importer ces lignes"},
    "import.done": {
        "en": "Imported {rows} {kind} rows from {file} (version {version}). The dashboard now shows them as "
        "imported data; other servers follow within seconds.",
        "fr": "{rows} lignes ({kind}) importées depuis {file} (version {version}). Le tableau de bord les "
        "présente désormais comme données importées ; les autres serveurs suivent en quelques secondes.",
    },
    "import.failed": {
        "en": "Nothing was imported: {reason}",
        "fr": "Rien n’a été importé : {reason}",
    },
    "import.history": {"en": "Import history", "fr": "Historique des imports"},
    "import.history.empty": {"en": "No imports yet.", "fr": "Aucun import pour l’instant."},
    "import.history.caption": {
        "en": "Every change of this store, newest first: imports, rollbacks, builds. A rollback is a new "
        "entry: it serves a kept version again (the last {keep} versions are kept) and never deletes "
        "anything.",
        "fr": "Chaque changement de cet entrepôt, du plus récent au plus ancien : imports, retours arrière, "
        "constructions. Un retour arrière est une nouvelle entrée : il sert de nouveau une version "
        "conservée (les {keep} dernières versions le sont) et ne supprime rien.",
    },
    "import.history.damaged": {
        "en": "The history cannot be shown: {reason}",
        "fr": "L’historique ne peut pas être affiché : {reason}",
    },
    "import.history.pointer": {
        "en": "The store pointer is damaged: {reason}. Serve a kept version again below to repair it.",
        "fr": "Le pointeur de l’entrepôt est endommagé : {reason}. Servez de nouveau une version conservée "
        "ci-dessous pour le réparer.",
    },
    "import.col.id": {"en": "#", "fr": "n°"},
    "import.col.when": {"en": "When (UTC)", "fr": "Quand (UTC)"},
    "import.col.who": {"en": "Who", "fr": "Qui"},
    "import.col.what": {"en": "What", "fr": "Quoi"},
    "import.col.file": {"en": "File or details", "fr": "Fichier ou détails"},
    "import.col.rows": {"en": "Rows", "fr": "Lignes"},
    "import.col.checksum": {"en": "Checksum (SHA-256)", "fr": "Empreinte (SHA-256)"},
    "import.col.version": {"en": "Version", "fr": "Version"},
    "import.col.actions": {"en": "Actions", "fr": "Actions"},
    "import.action.import": {"en": "import", "fr": "import"},
    "import.action.rollback": {"en": "rollback", "fr": "retour arrière"},
    "import.action.build": {"en": "store built", "fr": "entrepôt construit"},
    "import.action.upgrade": {"en": "upgrade", "fr": "mise à niveau"},
    "import.action.cleanup": {"en": "clean-up", "fr": "nettoyage"},
    "import.action.outside": {"en": "changed outside", "fr": "changé en dehors"},
    "import.build.demo": {
        "en": "demo data (invented, seed {seed})",
        "fr": "données de démonstration (inventées, graine {seed})",
    },
    "import.build.empty": {"en": "reference data only", "fr": "données de référence seules"},
    "import.served": {"en": "(served)", "fr": "(servie)"},
    "import.rollback.undoes": {
        "en": "rolls back import #{id} ({file})",
        "fr": "annule l’import n° {id} ({file})",
    },
    "import.rollback.serves": {"en": "serves {version} again", "fr": "sert de nouveau {version}"},
    "import.rollback.gone": {"en": "rows gone: {items}", "fr": "lignes retirées : {items}"},
    "import.rollback.back": {"en": "rows back: {items}", "fr": "lignes revenues : {items}"},
    "import.rollback.repaired": {
        "en": "repaired the store pointer",
        "fr": "pointeur de l’entrepôt réparé",
    },
    "import.migrated": {
        "en": "(from the former history file)",
        "fr": "(depuis l’ancien fichier d’historique)",
    },
    "import.rollback": {"en": "Roll back this import", "fr": "Annuler cet import"},
    "import.rollback_label": {
        "en": "Roll back import #{id} ({file}): see what changes first",
        "fr": "Annuler l’import n° {id} ({file}) : voir d’abord ce qui change",
    },
    "import.serve_again": {
        "en": "Serve this version again",
        "fr": "Servir de nouveau cette version",
    },
    "import.serve_again_label": {
        "en": "Serve version {version} again: see what changes first",
        "fr": "Servir de nouveau la version {version} : voir d’abord ce qui change",
    },
    "import.confirm_title": {"en": "Confirm the rollback", "fr": "Confirmer le retour arrière"},
    "import.confirm_versions": {
        "en": "Served now: {served}. After the rollback: {target}, as made by entry #{id} ({made}).",
        "fr": "Servie maintenant : {served}. Après le retour arrière : {target}, telle que faite par l’entrée "
        "n° {id} ({made}).",
    },
    "import.confirm_disappear": {
        "en": "Rows that disappear from the dashboard:",
        "fr": "Lignes qui disparaissent du tableau de bord :",
    },
    "import.confirm_appear": {
        "en": "Rows that appear again (they were not served before):",
        "fr": "Lignes qui réapparaissent (elles n’étaient pas servies) :",
    },
    "import.confirm_none": {"en": "none", "fr": "aucune"},
    "import.confirm_item": {
        "en": "{file}: {rows} {kind} rows ({what} #{id} by {user}, {at})",
        "fr": "{file} : {rows} lignes ({kind}) ({what} n° {id} par {user}, {at})",
    },
    "import.confirm_demo": {
        "en": "the demo data (invented, seed {seed}; build #{id})",
        "fr": "les données de démonstration (inventées, graine {seed} ; construction n° {id})",
    },
    "import.confirm_found": {
        "en": "the rows {version} held when the history found it (entry #{id})",
        "fr": "les lignes que contenait {version} quand l’historique l’a trouvée (entrée n° {id})",
    },
    "import.confirm_repairs": {
        "en": "This also repairs the damaged store pointer ({reason}).",
        "fr": "Cela répare aussi le pointeur endommagé de l’entrepôt ({reason}).",
    },
    "import.confirm_note": {
        "en": "The rollback deletes nothing: the history keeps every entry, and {served} stays on disk, so it can "
        "be served again. Only the last {keep} versions served are kept: later imports delete older "
        "versions, and {served} too once {keep} others were served after it.",
        "fr": "Le retour arrière ne supprime rien : l’historique garde chaque entrée, et {served} reste sur le "
        "disque, elle pourra être servie de nouveau. Seules les {keep} dernières versions servies sont "
        "conservées : les imports suivants suppriment les plus anciennes, et {served} aussi une fois que "
        "{keep} autres auront été servies après elle.",
    },
    "import.confirm_go": {"en": "Serve {target}", "fr": "Servir {target}"},
    "import.confirm_cancel": {"en": "Cancel", "fr": "Annuler"},
    "import.rollback_failed": {
        "en": "Nothing was changed: {reason}",
        "fr": "Rien n’a été changé : {reason}",
    },
    "import.rolled_back": {
        "en": "{version} is served again (history entry #{id}); other servers follow within seconds.",
        "fr": "{version} est de nouveau servie (entrée n° {id} de l’historique) ; les autres serveurs suivent "
        "en quelques secondes.",
    },
    "import.formats": {"en": "What the file must hold", "fr": "Ce que le fichier doit contenir"},
    "import.formats_intro": {
        "en": "The first row names the columns (in any order; other columns are refused). Download a template, "
        "fill it in a spreadsheet, then choose it above: the report says what is wrong, by row and column, "
        "before anything is written.",
        "fr": "La première ligne nomme les colonnes (dans n’importe quel ordre ; les autres colonnes sont "
        "refusées). Téléchargez un modèle, remplissez-le dans un tableur, puis choisissez-le ci-dessus : le "
        "rapport dit ce qui ne va pas, par ligne et colonne, avant que rien ne soit écrit.",
    },
    "import.format_title": {"en": "{kind}: {count} columns", "fr": "{kind} : {count} colonnes"},
    "import.template": {
        "en": "Download the template ({kind}, CSV)",
        "fr": "Télécharger le modèle ({kind}, CSV)",
    },
    "import.column": {"en": "Column", "fr": "Colonne"},
    "import.column_required": {"en": "Required", "fr": "Obligatoire"},
    "import.column_values": {"en": "Values", "fr": "Valeurs"},
    "import.required.yes": {"en": "yes", "fr": "oui"},
    "import.required.no": {"en": "no", "fr": "non"},
    "import.rule.action": {"en": "an Action code: {codes}", "fr": "un code d’Action : {codes}"},
    "import.rule.iso3": {
        "en": "ISO 3166-1 alpha-3 code of a country of that Action (e.g. SEN)",
        "fr": "code ISO 3166-1 alpha-3 d’un pays de cette Action (p. ex. SEN)",
    },
    "import.rule.period": {
        "en": "a quarter (2021-Q3) or any date in it (2021-08-15)",
        "fr": "un trimestre (2021-Q3) ou une date de ce trimestre (2021-08-15)",
    },
    "import.rule.codes": {"en": "one of {codes}", "fr": "l’un de {codes}"},
    "import.rule.indicator": {
        "en": "one of {codes}; its pillar must apply to that country",
        "fr": "l’un de {codes} ; son pilier doit s’appliquer à ce pays",
    },
    "import.rule.count": {
        "en": "a whole number from {low} to {high}",
        "fr": "un nombre entier de {low} à {high}",
    },
    "import.rule.id": {
        "en": "unique id of the record: 1 to 64 letters, digits, '.', '_' or '-' (pseudonymous: no names)",
        "fr": "identifiant unique de l’enregistrement : 1 à 64 lettres, chiffres, « . », « _ » ou « - » "
        "(pseudonyme : aucun nom)",
    },
    "import.rule.respondent": {
        "en": "pseudonymous id of the returnee, the same in every survey round; empty: the survey_id",
        "fr": "identifiant pseudonyme de la personne, le même à chaque vague d’enquête ; vide : le survey_id",
    },
    "import.rule.date": {
        "en": "a date YYYY-MM-DD, from {earliest} to today",
        "fr": "une date AAAA-MM-JJ, du {earliest} à aujourd’hui",
    },
    "import.rule.months": {
        "en": "a whole number from {low} to {high}",
        "fr": "un nombre entier de {low} à {high}",
    },
    "import.rule.score": {
        "en": "a number from {low} to {high}",
        "fr": "un nombre de {low} à {high}",
    },
    "import.rule.composite": {
        "en": "a number from {low} to {high}; empty: computed from the weights EUIOM_WEIGHTS and marked as computed",
        "fr": "un nombre de {low} à {high} ; vide : calculé avec les poids EUIOM_WEIGHTS et signalé comme calculé",
    },
}
