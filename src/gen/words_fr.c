/*
 * words_fr.c: the "fr" word lists (faker.locale = fr; src/gen/locale.c).
 * UTF-8, as words_de.c.  No character outside Latin-1 (no œ), so that every
 * word converts to a LATIN1 database too.
 */
#include "postgres.h"

#include "gen/compound.h"
#include "gen/locale.h"

static const char *const first_names[] = {
	"Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Jacques", "Bernard", "Louis", "Nicolas",
	"François", "Daniel", "Patrick", "Christophe", "Laurent", "Stéphane", "Frédéric", "Julien", "Thierry", "Olivier",
	"Éric", "Sébastien", "David", "Pascal", "Gérard", "Antoine", "Thomas", "Alexandre", "Maxime", "Hugo",
	"Lucas", "Théo", "Léo", "Gabriel", "Arthur", "Raphaël", "Jules", "Nathan", "Mathis", "Paul",
	"Adam", "Enzo", "Clément", "Romain", "Vincent", "Guillaume", "Mathieu", "Benoît", "Damien", "Jérôme",
	"Yves", "René", "Claude", "Henri", "Marcel", "Georges", "Roger", "Robert", "Émile", "Baptiste",
	"Quentin", "Florian", "Kévin", "Anthony", "Loïc", "Cédric", "Fabrice", "Gilles", "Didier", "Sylvain",
	"Xavier", "Arnaud", "Yannick", "Jean-Pierre", "Jean-Luc", "Jean-Marc", "Jean-Paul", "Bastien", "Rémi", "Tristan",
	"Valentin", "Victor", "Noé", "Sacha", "Timothée", "Aurélien", "Grégoire", "Étienne", "Lucien", "Gaston",
	"Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Christine", "Monique", "Valérie", "Sandrine",
	"Sophie", "Stéphanie", "Céline", "Véronique", "Nicole", "Anne", "Julie", "Aurélie", "Camille", "Émilie",
	"Caroline", "Laetitia", "Élodie", "Mélanie", "Audrey", "Chloé", "Emma", "Léa", "Manon", "Inès",
	"Jade", "Louise", "Alice", "Lina", "Rose", "Anna", "Zoé", "Juliette", "Margaux", "Clara",
	"Lucie", "Pauline", "Sarah", "Charlotte", "Mathilde", "Océane", "Justine", "Marine", "Amandine", "Élise",
	"Agathe", "Margot", "Lola", "Ambre", "Romane", "Maëlys", "Clémence", "Hélène", "Brigitte", "Martine",
	"Jacqueline", "Danielle", "Chantal", "Michèle", "Colette", "Geneviève", "Josiane", "Odile", "Bernadette", "Marie-Claire",
	"Anne-Sophie", "Marion", "Gaëlle", "Solène", "Capucine", "Éloïse", "Adèle", "Jeanne", "Apolline", "Héloïse",
	"Noémie", "Laure", "Delphine", "Virginie", "Florence", "Corinne", "Patricia", "Béatrice", "Agnès", "Thérèse"
};
FAKER_WORD_LIST(faker_fr_first_names, first_names);

static const char *const last_names[] = {
	"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
	"Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
	"Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André",
	"Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
	"Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
	"Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
	"Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
	"Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
	"Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
	"Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
	"Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin",
	"Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
	"Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier",
	"Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet",
	"Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain",
	"Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré",
	"Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez",
	"Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva",
	"Bouchet", "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret",
	"Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte"
};
FAKER_WORD_LIST(faker_fr_last_names, last_names);

static const char *const cities[] = {
	"Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Montpellier", "Strasbourg", "Bordeaux", "Lille",
	"Rennes", "Reims", "Toulon", "Saint-Étienne", "Le Havre", "Grenoble", "Dijon", "Angers", "Nîmes", "Villeurbanne",
	"Clermont-Ferrand", "Le Mans", "Aix-en-Provence", "Brest", "Tours", "Amiens", "Limoges", "Annecy", "Perpignan", "Boulogne-Billancourt",
	"Metz", "Besançon", "Orléans", "Saint-Denis", "Argenteuil", "Rouen", "Mulhouse", "Montreuil", "Caen", "Nancy",
	"Tourcoing", "Roubaix", "Nanterre", "Vitry-sur-Seine", "Avignon", "Créteil", "Dunkerque", "Poitiers", "Asnières-sur-Seine", "Versailles",
	"Colombes", "Aubervilliers", "Aulnay-sous-Bois", "Courbevoie", "Cherbourg-en-Cotentin", "Rueil-Malmaison", "Pau", "Champigny-sur-Marne", "Béziers", "La Rochelle",
	"Calais", "Saint-Maur-des-Fossés", "Antibes", "Cannes", "Colmar", "Mérignac", "Saint-Nazaire", "Drancy", "Ajaccio", "Issy-les-Moulineaux",
	"Noisy-le-Grand", "Bourges", "Levallois-Perret", "Quimper", "Valence", "Villeneuve-d'Ascq", "La Seyne-sur-Mer", "Antony", "Troyes", "Neuilly-sur-Seine",
	"Sarcelles", "Niort", "Chambéry", "Clichy", "Lorient", "Ivry-sur-Seine", "Montauban", "Pessac", "Cergy", "Vénissieux",
	"Villejuif", "Hyères", "Cholet", "Beauvais", "Évry-Courcouronnes", "Fréjus", "Vannes", "Pantin", "Arles", "Bastia",
	"Chartres", "Laval", "Saint-Malo", "Angoulême", "Bayonne", "Biarritz", "Carcassonne", "Narbonne", "Belfort", "Blois",
	"Châteauroux", "Évreux", "Saint-Quentin", "Tarbes", "Albi", "Auxerre", "Nevers", "Mâcon", "Épinal", "Périgueux",
	"Arras", "Charleville-Mézières", "Sète", "Agen", "Valenciennes", "Lens", "Douai", "Compiègne", "Brive-la-Gaillarde", "Rodez"
};
FAKER_WORD_LIST(faker_fr_cities, cities);

/* "12 rue de la Paix": a type (the common ones weigh more), then a name */
static const char *const street_types[] = {
	"rue", "rue", "rue", "rue", "rue", "rue", "avenue", "avenue", "boulevard", "place",
	"allée", "impasse", "chemin", "quai", "route"
};
FAKER_WORD_LIST(faker_fr_street_types, street_types);

static const char *const streets[] = {
	"de la Paix", "Victor Hugo", "Jean Jaurès", "de la République", "Pasteur", "du Général de Gaulle", "de la Gare", "de l'Église", "des Lilas", "Émile Zola",
	"Voltaire", "de la Liberté", "du Moulin", "des Écoles", "du Château", "Gambetta", "Carnot", "Jules Ferry", "de Verdun", "Nationale",
	"du Commerce", "de la Mairie", "des Roses", "Saint-Martin", "Saint-Michel", "du Port", "de Paris", "de Lyon", "Molière", "Anatole France",
	"Jean Moulin", "de la Fontaine", "des Tilleuls", "des Acacias", "du Stade", "du Marché", "Foch", "Clemenceau", "Aristide Briand", "de la Victoire",
	"du 8 Mai 1945", "du 11 Novembre", "des Peupliers", "des Vignes", "de Strasbourg", "de Bretagne", "de la Poste", "Lafayette", "Montaigne", "Racine",
	"de Provence", "du Lac", "de la Forêt", "des Champs", "Pierre Curie", "Marie Curie", "Charles de Gaulle", "Paul Bert", "de Bellevue", "du Midi",
	"des Jardins", "du Pont", "de la Croix", "Sainte-Anne", "des Marronniers"
};
FAKER_WORD_LIST(faker_fr_streets, streets);

static const char *const company_suffixes[] = {
	"SARL", "SARL", "SARL", "SA", "SA", "SAS", "SAS", "SAS", "EURL", "SNC",
	"et Fils", "& Associés"
};
FAKER_WORD_LIST(faker_fr_company_suffixes, company_suffixes);

/*
 * The "fr" compounds (src/gen/compound.c): double first names (Jean-Marie),
 * invented ones of French parts (Marilène), double family names
 * (Dupont-Moreau), towns of a stem and a suffix (Beaumont, Fontenay),
 * "Saint-...-de-..." and "...-sur-..." towns, trades (Boulangerie Dupont),
 * streets named after a person (rue Victor Dubois).  All parts written for
 * faker.
 */
static const char *const first_stems[] = {
	"Amand", "Aur", "Bén", "Cél", "Clar", "Dam", "Dor", "Flor", "Gab", "Gis",
	"Hon", "Jul", "Laur", "Lél", "Lis", "Luc", "Mar", "Mél", "Nad", "Od",
	"Or", "Pal", "Rom", "Ros", "Sab", "Sol", "Val", "Vir", "Yol", "Ém"
};
static const char *const first_mids[] = {"", "", "a", "i", "e", "o"};
static const char *const first_links[] = {"", "", "l", "r", "n", "s", "v", "d"};
static const char *const first_endings[] = {
	"ien", "ienne", "ine", "in", "ette", "ot", "ic", "ice", "elle", "el",
	"ée", "é", "is", "ise", "ie", "on", "ane", "iane", "ène", "ard",
	"ais", "aise", "eline", "ence", "ius", "an", "ia", "ille", "inette", "ent"
};
static const char *const last_stems[] = {
	"Beau", "Bel", "Bon", "Chev", "Clair", "Fon", "Mar", "Mont", "Val", "Roch",
	"Bois", "Ro", "Gar", "Ber", "Lam", "Mor", "Per", "Tess", "Vin", "Du",
	"Char", "Cour", "Fav", "Gir", "Jou", "Lan", "Mich", "Pel", "Rav", "Thi"
};
static const char *const last_links[] = {"", "", "l", "r", "n", "t", "ss", "ch"};
static const char *const last_endings[] = {
	"ier", "ard", "in", "et", "eau", "ot", "ault", "ey", "ain", "iard",
	"elle", "on", "ac", "at", "aud", "ère", "ois", "ais", "ette", "ay",
	"and", "ant", "as", "é", "eux", "oux", "ille", "ert", "ès", "y"
};
static const char *const last_particles[] = {"Le ", "La ", "Du ", "De ", "Des ", "Le ", "Da "};
static const char *const town_stems[] = {
	"Beau", "Bel", "Bourg", "Castel", "Champ", "Chantel", "Clair", "Font", "Fontaine", "Gran",
	"Haut", "Jou", "Lau", "Mar", "Mont", "Neuf", "Pont", "Roche", "Roque", "Roule",
	"Sauve", "Tour", "Val", "Vaux", "Ville", "Vieux", "Aigre", "Belle", "Bois", "Bonne",
	"Chaumont", "Cour", "Esc", "Fleur", "Guer", "Lor", "Mau", "Mire", "Pier", "Riche",
	"Rose", "Sain", "Ser", "Sève", "Tal", "Tré", "Vil", "Vern", "Ville", "Vol"
};
static const char *const town_suffixes[] = {
	"ville", "court", "mont", "y", "ac", "ay", "ières", "euil", "in", "on",
	"elle", "ou", "ans", "ignac", "ois", "ange", "fort", "bourg", "val", "ieux",
	"enay", "erre", "ac", "argues", "ès"
};
static const char *const town_waters[] = {
	"-sur-Seine", "-sur-Loire", "-sur-Marne", "-sur-Mer", "-en-Provence", "-les-Bains", "-le-Château",
	"-la-Forêt", "-sous-Bois", "-de-Bretagne", "-en-Vexin", "-sur-Rhône", "-sur-Saône", "-sur-Garonne",
	"-sur-Oise", "-sur-Loing", "-en-Brie", "-le-Grand", "-le-Vieux", "-la-Ville", "-sur-Dordogne",
	"-sur-Lot", "-sur-Vienne", "-en-Auvergne", "-sur-Allier", "-lès-Nancy", "-en-Forez", "-sur-Cher",
	"-sur-Meuse", "-sur-Moselle"
};
static const char *const saint_links[] = {"-de-", "-du-", "-le-", "-la-", "-en-", "-sur-"};
static const char *const trades[] = {
	"Boulangerie", "Pâtisserie", "Garage", "Transports", "Menuiserie", "Plomberie", "Électricité", "Pharmacie",
	"Librairie", "Imprimerie", "Cabinet", "Atelier", "Société", "Groupe", "Laboratoires", "Établissements",
	"Maison", "Compagnie", "Brasserie", "Fromagerie", "Charcuterie", "Boucherie", "Quincaillerie", "Agence",
	"Bureau", "Comptoir", "Domaine", "Château", "Caves", "Entreprise"
};
static const char *const street_titles[] = {
	"du Général ", "du Maréchal ", "du Docteur ", "du Professeur ", "du Président ", "de l'Abbé ",
	"du Colonel ", "du Capitaine ", "de l'Amiral ", "du Commandant "
};

static const FakerWordList f_stems = FAKER_WORDS(first_stems);
static const FakerWordList f_mids = FAKER_WORDS(first_mids);
static const FakerWordList f_links = FAKER_WORDS(first_links);
static const FakerWordList f_endings = FAKER_WORDS(first_endings);
static const FakerWordList l_stems = FAKER_WORDS(last_stems);
static const FakerWordList l_links = FAKER_WORDS(last_links);
static const FakerWordList l_endings = FAKER_WORDS(last_endings);
static const FakerWordList l_particles = FAKER_WORDS(last_particles);
static const FakerWordList t_stems = FAKER_WORDS(town_stems);
static const FakerWordList t_suffixes = FAKER_WORDS(town_suffixes);
static const FakerWordList t_waters = FAKER_WORDS(town_waters);
static const FakerWordList s_links = FAKER_WORDS(saint_links);
static const FakerWordList c_trades = FAKER_WORDS(trades);
static const FakerWordList s_titles = FAKER_WORDS(street_titles);
/* men's and women's names: the first 90 of first_names, the others */
static const FakerWordList men = {first_names, 90};
static const FakerWordList women = {first_names + 90, lengthof(first_names) - 90};

static const GenInvented first_invented = {{&f_stems, &f_mids, &f_links, &f_endings}};
static const GenInvented last_invented = {{&l_stems, &f_mids, &l_links, &l_endings}};

static const CompoundKind first_name_kind = {
	&faker_fr_first_names, false, NULL, 85, {NULL}, NULL, 90, true, 4, {
		{10, {INVENTED(first_invented)}},	/* Marilène */
		{20, {PLAIN, TEXT("-"), PARTNER}},	/* Jean-Marie */
		{60, {PLAIN, TEXT("-"), INVENTED(first_invented)}},
		{100, {INVENTED(first_invented), TEXT("-"), PLAIN}}
	}
};

static const CompoundKind last_name_kind = {
	&faker_fr_last_names, false, NULL, 85, {NULL}, NULL, 0, true, 5, {
		{10, {INVENTED(last_invented)}},	/* Montardier */
		{15, {PLAIN, TEXT("-"), PICK(faker_fr_last_names, "")}},	/* Dupont-Moreau */
		{25, {PICK(l_particles, ""), INVENTED(last_invented)}},	/* Le Bonnet */
		{62, {PLAIN, TEXT("-"), INVENTED(last_invented)}},
		{100, {INVENTED(last_invented), TEXT("-"), PLAIN}}
	}
};

/* Beaumont, Fontenay-sur-Seine, Saint-Julien-de-Belleville, Sainte-Anne */
static const CompoundKind city_kind = {
	&faker_fr_cities, false, NULL, 60, {&t_stems}, &t_suffixes, 0, true, 7, {
		{5, {GLUED}},
		{15, {GLUED, PICK(t_waters, "")}},
		{18, {TEXT("Saint-"), PICK(men, "")}},
		{20, {TEXT("Sainte-"), PICK(women, "")}},
		{35, {TEXT("Saint-"), PICK(men, ""), PICK(s_links, ""), GLUED}},
		{65, {TEXT("Saint-"), PICK(men, ""), PICK(s_links, ""), GLUED, PICK(t_waters, "")}},
		{100, {GLUED, TEXT("-"), GLUED, PICK(t_waters, "")}}
	}
};

/* Garage Dupont SARL, Dupont et Moreau SA, Dupont, Moreau et Petit SAS */
static const CompoundKind company_kind = {
	&faker_fr_last_names, false, &faker_fr_company_suffixes, 60, {&t_stems}, &t_suffixes, 0, true, 4, {
		{15, {PICK(c_trades, " "), PLAIN}},
		{40, {PLAIN, TEXT(" et "), PICK(faker_fr_last_names, "")}},
		{70, {PICK(c_trades, " "), PLAIN, TEXT("-"), PICK(faker_fr_last_names, "")}},
		{100, {PLAIN, TEXT(", "), PICK(faker_fr_last_names, " et "), PICK(faker_fr_last_names, "")}}
	}
};

/* (12 rue) Victor Dubois, du Général Moreau (the number and type: locale.c) */
static const CompoundKind street_kind = {
	&faker_fr_streets, false, NULL, 70, {NULL}, NULL, 0, true, 2, {
		{60, {PICK(faker_fr_first_names, " "), PICK(faker_fr_last_names, "")}},
		{100, {PICK(s_titles, ""), PICK(faker_fr_last_names, "")}}
	}
};

GenCompoundTables faker_fr_compounds = {
	&first_name_kind, &last_name_kind, &city_kind, &company_kind, NULL, &street_kind, NULL
};
