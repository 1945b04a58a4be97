/*
 * words_de.c: the "de" word lists (faker.locale = de; src/gen/locale.c).
 * UTF-8: locale.c converts them to the database encoding when they are
 * used, and transliterates them to ASCII for emails and usernames.
 */
#include "postgres.h"

#include "gen/locale.h"

static const char *const first_names[] = {
	"Alexander", "Andreas", "Anton", "Ben", "Benjamin", "Bernd", "Christian", "Christoph", "Daniel", "David",
	"Dennis", "Dieter", "Dirk", "Dominik", "Elias", "Emil", "Erik", "Fabian", "Felix", "Finn",
	"Florian", "Frank", "Friedrich", "Georg", "Gerhard", "Günter", "Hans", "Harald", "Heinz", "Helmut",
	"Henrik", "Holger", "Jakob", "Jan", "Jannik", "Jens", "Joachim", "Jonas", "Jörg", "Josef",
	"Julian", "Jürgen", "Kai", "Karl", "Klaus", "Konrad", "Lars", "Leon", "Luca", "Lukas",
	"Manfred", "Marcel", "Mario", "Markus", "Martin", "Mats", "Matteo", "Matthias", "Max", "Maximilian",
	"Michael", "Moritz", "Niklas", "Nils", "Noah", "Ole", "Oliver", "Pascal", "Patrick", "Paul",
	"Peter", "Philipp", "Rainer", "Ralf", "Reinhard", "Robert", "Rolf", "Sebastian", "Simon", "Stefan",
	"Steffen", "Sven", "Theo", "Thomas", "Thorsten", "Tim", "Tobias", "Torsten", "Uwe", "Volker",
	"Werner", "Wolfgang", "Yannick", "Lennart", "Henning", "Björn", "Malte", "Hannes", "Ulrich", "Horst",
	"Alina", "Andrea", "Angelika", "Anja", "Anna", "Annika", "Antje", "Barbara", "Bettina", "Birgit",
	"Brigitte", "Carina", "Charlotte", "Christina", "Claudia", "Clara", "Daniela", "Doris", "Elisabeth", "Elke",
	"Ella", "Emilia", "Emma", "Erika", "Franziska", "Frieda", "Gabriele", "Gisela", "Greta", "Hanna",
	"Heike", "Helga", "Hildegard", "Ida", "Ilse", "Ines", "Ingrid", "Isabell", "Jana", "Janina",
	"Jasmin", "Jessica", "Johanna", "Julia", "Jutta", "Karin", "Katharina", "Katrin", "Kerstin", "Laura",
	"Lea", "Lena", "Leonie", "Lina", "Lotte", "Luisa", "Maja", "Manuela", "Maria", "Marie",
	"Marion", "Marlene", "Martina", "Melanie", "Mia", "Mila", "Monika", "Nadine", "Natalie", "Nicole",
	"Nina", "Paula", "Petra", "Renate", "Sabine", "Sandra", "Sarah", "Silke", "Simone", "Sophia",
	"Sophie", "Stefanie", "Susanne", "Tanja", "Ursula", "Ute", "Vanessa", "Verena", "Yvonne", "Käthe"
};
FAKER_WORD_LIST(faker_de_first_names, first_names);

static const char *const last_names[] = {
	"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
	"Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
	"Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
	"Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
	"Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
	"Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
	"Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin",
	"Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich",
	"Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl",
	"Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
	"Ernst", "Lindner", "Hübner", "Kramer", "Franz", "Jansen", "Peter", "Hess", "Götz", "Brinkmann",
	"Kraft", "Fink", "Lenz", "Böttcher", "Thiele", "Schlüter", "Ritter", "Nowak", "Kunz", "Marx",
	"Kolb", "Fritz", "Wendt", "Ebert", "Vetter", "Maurer", "Bock", "Hein", "Seifert", "Kurz",
	"Moser", "Ackermann", "Kessler", "Schilling", "Beyer", "Brauer", "Unger", "Sander", "Rausch", "Berg",
	"Köster", "Petersen", "Witt", "Hansen", "Auer", "Schade", "Schütz", "Reuter", "Hirsch", "Zander",
	"Ott", "Lutz", "Eckert", "Kirchner", "Michel", "Wirth", "Decker", "Baier", "Herzog", "Dittrich",
	"Vollmer", "Hennig", "Brückner", "Stahl", "Mohr", "Gerlach", "Ulrich", "Wittmann", "Bachmann", "Förster"
};
FAKER_WORD_LIST(faker_de_last_names, last_names);

static const char *const cities[] = {
	"Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig", "Dortmund", "Essen",
	"Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster",
	"Mannheim", "Karlsruhe", "Augsburg", "Wiesbaden", "Mönchengladbach", "Gelsenkirchen", "Aachen", "Braunschweig", "Kiel", "Chemnitz",
	"Halle (Saale)", "Magdeburg", "Freiburg im Breisgau", "Krefeld", "Mainz", "Lübeck", "Erfurt", "Oberhausen", "Rostock", "Kassel",
	"Hagen", "Potsdam", "Saarbrücken", "Hamm", "Ludwigshafen am Rhein", "Oldenburg", "Mülheim an der Ruhr", "Osnabrück", "Leverkusen", "Darmstadt",
	"Heidelberg", "Solingen", "Herne", "Regensburg", "Neuss", "Paderborn", "Ingolstadt", "Offenbach am Main", "Fürth", "Würzburg",
	"Ulm", "Heilbronn", "Pforzheim", "Wolfsburg", "Göttingen", "Bottrop", "Reutlingen", "Erlangen", "Bremerhaven", "Koblenz",
	"Bergisch Gladbach", "Remscheid", "Trier", "Recklinghausen", "Jena", "Moers", "Salzgitter", "Siegen", "Gütersloh", "Hildesheim",
	"Hanau", "Kaiserslautern", "Cottbus", "Schwerin", "Witten", "Esslingen am Neckar", "Gera", "Iserlohn", "Ludwigsburg", "Düren",
	"Zwickau", "Flensburg", "Tübingen", "Ratingen", "Villingen-Schwenningen", "Konstanz", "Marl", "Worms", "Minden", "Velbert",
	"Neumünster", "Norderstedt", "Dessau-Roßlau", "Delmenhorst", "Wilhelmshaven", "Viersen", "Bamberg", "Marburg", "Gladbeck", "Lüneburg",
	"Rheine", "Troisdorf", "Bayreuth", "Detmold", "Landshut", "Passau", "Rosenheim", "Weimar", "Greifswald", "Stralsund",
	"Wismar", "Görlitz", "Fulda", "Aschaffenburg", "Kempten", "Celle", "Plauen", "Frankfurt (Oder)", "Neubrandenburg", "Gießen"
};
FAKER_WORD_LIST(faker_de_cities, cities);

static const char *const streets[] = {
	"Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße", "Bergstraße", "Birkenweg", "Lindenstraße", "Kirchstraße", "Waldstraße",
	"Ringstraße", "Schillerstraße", "Goethestraße", "Jahnstraße", "Wiesenweg", "Mühlenweg", "Feldstraße", "Rosenstraße", "Friedhofstraße", "Industriestraße",
	"Am Markt", "Am Sportplatz", "Amselweg", "Ahornweg", "Buchenweg", "Eichenweg", "Tannenweg", "Kastanienallee", "Lindenallee", "Beethovenstraße",
	"Mozartstraße", "Uhlandstraße", "Lessingstraße", "Kantstraße", "Bismarckstraße", "Friedrichstraße", "Wilhelmstraße", "Kaiserstraße", "Marktplatz", "Rathausplatz",
	"Poststraße", "Breite Straße", "Lange Straße", "Neue Straße", "Brunnenstraße", "Mittelweg", "Talstraße", "Sonnenweg", "Blumenstraße", "Parkstraße",
	"Uferstraße", "Hafenstraße", "Burgstraße", "Schlossstraße", "Mühlstraße", "Grabenstraße", "Am Bach", "Im Winkel", "Auf dem Berg", "Zum Wald",
	"Karl-Marx-Straße", "Berliner Straße", "Hamburger Straße", "Münchner Straße", "Frankfurter Allee", "Kölner Straße", "Heinrich-Heine-Straße", "Am Rathaus", "Finkenweg", "Meisenweg",
	"Drosselweg", "Königstraße", "Kirchgasse", "Obere Hauptstraße", "Am Anger"
};
FAKER_WORD_LIST(faker_de_streets, streets);

/* the common forms weigh more: one entry each time */
static const char *const company_suffixes[] = {
	"GmbH", "GmbH", "GmbH", "GmbH", "AG", "AG", "GmbH & Co. KG", "GmbH & Co. KG", "KG", "OHG",
	"e.K.", "UG (haftungsbeschränkt)", "& Söhne", "und Partner"
};
FAKER_WORD_LIST(faker_de_company_suffixes, company_suffixes);

/* Vorwahlen without the 0: large cities, then mobile prefixes */
static const char *const phone_areas[] = {
	"30", "40", "69", "89", "201", "202", "203", "211", "221", "228",
	"231", "234", "241", "251", "261", "271", "331", "341", "345", "351",
	"361", "371", "381", "391", "421", "431", "441", "451", "511", "521",
	"531", "541", "561", "611", "621", "631", "711", "721", "731", "761",
	"821", "841", "911", "921", "931", "941", "951",
	"151", "152", "157", "160", "162", "163", "170", "171", "172", "173",
	"174", "175", "176", "177", "178", "179"
};
FAKER_WORD_LIST(faker_de_phone_areas, phone_areas);
