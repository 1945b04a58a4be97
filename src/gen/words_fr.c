/*
 * words_fr.c: the "fr" word lists (faker.locale = fr; src/gen/locale.c).
 * UTF-8, as words_de.c.  No character outside Latin-1 (no œ), so that every
 * word converts to a LATIN1 database too.
 */
#include "postgres.h"

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
