/*
 * words_de.c: the "de" word lists (faker.locale = de; src/gen/locale.c).
 * UTF-8: locale.c converts them to the database encoding when they are
 * used, and transliterates them to ASCII for emails and usernames.
 */
#include "postgres.h"

#include "gen/compound.h"
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

/*
 * The "de" compounds (src/gen/compound.c): names of two (Hans-Peter,
 * Müller-Steinbach), invented ones of Germanic parts (Adalbert, Rosenbergmeier),
 * towns glued of a root and a suffix (Waldhausen), spaced prefixes (Bad, Groß),
 * rivers and regions (am Main), merged towns (Villingen-Schwenningen), streets
 * named after a person (Karl-Müller-Straße).  All parts written for faker.
 */
static const char *const first_elements[] = {
	"Adal", "Bern", "Eber", "Engel", "Ger", "Gis", "Gott", "Gun", "Hart", "Hein",
	"Her", "Hil", "Hu", "Irm", "Kuni", "Lieb", "Lud", "Mein", "Ort", "Rein",
	"Ro", "Sieg", "Ul", "Wal", "Wil", "Wolf", "Wun", "Al", "Ber", "Diet",
	"Ed", "Fried", "Ans", "Erk", "Rad", "Rü", "Trau", "Hed", "Ot", "Wig"
};
static const char *const first_links[] = {"", "", "e", "i"};
static const char *const first_seconds[] = {
	"bert", "brand", "fried", "gar", "hard", "helm", "mar", "mund", "rich", "wald",
	"win", "wolf", "rad", "ger", "hold", "bald", "hart", "man", "ward", "rik",
	"burg", "gard", "gund", "hild", "lind", "trud", "run", "traud", "heid", "wig"
};
static const char *const first_tails[] = {"", "", "e", "a"};
static const char *const name_stems[] = {
	"Acker", "Berg", "Brand", "Busch", "Eich", "Feld", "Fried", "Gold", "Groß", "Hage",
	"Hart", "Hof", "Holz", "Kirch", "Klein", "Lang", "Lind", "Mühl", "Neu", "Ober",
	"Rosen", "Roth", "Schön", "Schwarz", "Stein", "Wald", "Weiß", "Wies", "Winter", "Sommer",
	"Hahn", "Kalt", "Grün", "Bach", "Dorn", "Falk", "Horn", "Wolf", "Blum", "Stock"
};
static const char *const name_links[] = {"", "", "e", "en", "s"};
static const char *const name_places[] = {
	"berg", "bach", "feld", "hof", "wald", "brink", "kamp", "dorf", "haus", "mühl",
	"stein", "bruch", "au", "heim", "hagen", "born", "brück", "wies", "acker", "busch"
};
static const char *const name_tails[] = {"", "", "er", "mann", "ner", "meier", "s", "ler"};
static const char *const town_stems[] = {
	"Ahl", "Alten", "Birken", "Blanken", "Buch", "Dorn", "Eber", "Eichen", "Eisen", "Erlen",
	"Falken", "Fichten", "Frauen", "Gold", "Grün", "Hasel", "Heide", "Herren", "Hirsch", "Holz",
	"Kalten", "Kirch", "Königs", "Kreuz", "Lauter", "Linden", "Löwen", "Mühl", "Neuen", "Nord",
	"Oster", "Rosen", "Rot", "Salz", "Sand", "Schön", "Sonnen", "Stein", "Tann", "Wald",
	"Warten", "Weißen", "Wester", "Wiesen", "Wolfs", "Bären", "Biber", "Fuchs", "Hammer", "Lichten",
	"Marien", "Münch", "Ochsen", "Pfaffen", "Reichen", "Schloss", "Wein", "Herzogen", "Bischofs", "Grafen"
};
static const char *const town_suffixes[] = {
	"dorf", "hausen", "heim", "bach", "berg", "burg", "feld", "stadt", "hagen", "au",
	"ingen", "rode", "furt", "stein", "brück", "kirchen", "hofen", "wald", "tal", "beck",
	"born", "weiler", "büttel", "leben"
};
static const char *const town_prefixes[] = {
	"Bad ", "Groß ", "Klein ", "Neu ", "Alt ", "Sankt ", "Ober-", "Unter-", "Nieder-", "Hohen-",
	"Markt ", "Wendisch "
};
static const char *const town_regions[] = {
	" am Main", " an der Elbe", " an der Oder", " am Rhein", " an der Donau", " im Allgäu",
	" in Oberbayern", " am See", " an der Weinstraße", " im Schwarzwald", " bei Hamburg", " (Oder)",
	" am Neckar", " an der Ruhr", " im Harz", " in Holstein", " an der Lahn", " an der Mosel",
	" am Inn", " in der Pfalz"
};
static const char *const industries[] = {
	"Bau", "Logistik", "Elektrotechnik", "Metallbau", "Maschinenbau", "Immobilien", "Software", "Medien",
	"Reisen", "Versicherungen", "Holzbau", "Dachtechnik", "Haustechnik", "Automobile", "Druck", "Textil",
	"Consulting", "Systemtechnik", "Umwelttechnik", "Gartenbau", "Transporte", "Handel", "Feinkost", "Optik",
	"Verlag", "Energie", "Kunststoffe", "Sanitär", "Stahlbau", "Werkzeuge"
};
static const char *const street_glued[] = {
	"straße", "straße", "straße", "weg", "weg", "allee", "platz", "gasse", "ring", "damm",
	"ufer", "steig", "pfad", "graben"
};
static const char *const street_hyphened[] = {
	"-Straße", "-Straße", "-Straße", "-Weg", "-Allee", "-Platz", "-Ring"
};

static const FakerWordList f_elements = FAKER_WORDS(first_elements);
static const FakerWordList f_links = FAKER_WORDS(first_links);
static const FakerWordList f_seconds = FAKER_WORDS(first_seconds);
static const FakerWordList f_tails = FAKER_WORDS(first_tails);
static const FakerWordList n_stems = FAKER_WORDS(name_stems);
static const FakerWordList n_links = FAKER_WORDS(name_links);
static const FakerWordList n_places = FAKER_WORDS(name_places);
static const FakerWordList n_tails = FAKER_WORDS(name_tails);
static const FakerWordList t_stems = FAKER_WORDS(town_stems);
static const FakerWordList t_suffixes = FAKER_WORDS(town_suffixes);
static const FakerWordList t_prefixes = FAKER_WORDS(town_prefixes);
static const FakerWordList t_regions = FAKER_WORDS(town_regions);
static const FakerWordList c_industries = FAKER_WORDS(industries);
static const FakerWordList s_glued = FAKER_WORDS(street_glued);
static const FakerWordList s_hyphened = FAKER_WORDS(street_hyphened);
/* the men's names: the first 100 of first_names */
static const FakerWordList men = {first_names, 100};

static const GenInvented first_invented = {{&f_elements, &f_links, &f_seconds, &f_tails}};
static const GenInvented last_invented = {{&n_stems, &n_links, &n_places, &n_tails}};

static const CompoundKind first_name_kind = {
	&faker_de_first_names, false, NULL, 85, {NULL}, NULL, 100, true, 4, {
		{10, {INVENTED(first_invented)}},	/* Adalbert, Hildegard */
		{15, {PLAIN, TEXT("-"), PARTNER}},	/* Hans-Peter */
		{57, {PLAIN, TEXT("-"), INVENTED(first_invented)}},
		{100, {INVENTED(first_invented), TEXT("-"), PLAIN}}
	}
};

static const CompoundKind last_name_kind = {
	&faker_de_last_names, false, NULL, 85, {NULL}, NULL, 0, true, 4, {
		{10, {INVENTED(last_invented)}},	/* Rosenbergmeier */
		{15, {PLAIN, TEXT("-"), PICK(faker_de_last_names, "")}},	/* Müller-Weber */
		{57, {PLAIN, TEXT("-"), INVENTED(last_invented)}},
		{100, {INVENTED(last_invented), TEXT("-"), PLAIN}}
	}
};

/* Waldhausen, Bad Müllerdorf, Steinbach am Main, Villingen-Schwenningen */
static const CompoundKind city_kind = {
	&faker_de_cities, false, NULL, 60, {&t_stems, &faker_de_last_names, &men}, &t_suffixes, 0, true, 5, {
		{10, {GLUED}},
		{20, {PICK(t_prefixes, ""), GLUED}},
		{35, {GLUED, PICK(t_regions, "")}},
		{55, {PICK(t_prefixes, ""), GLUED, PICK(t_regions, "")}},
		{100, {GLUED, TEXT("-"), GLUED}}
	}
};

/* Müller Bau GmbH, Müller & Weber KG, Waldhausen Logistik AG */
static const CompoundKind company_kind = {
	&faker_de_last_names, false, &faker_de_company_suffixes, 60, {&t_stems, &faker_de_last_names, &men}, &t_suffixes, 0, true, 4, {
		{15, {PLAIN, TEXT(" "), PICK(c_industries, "")}},
		{40, {PLAIN, TEXT(" & "), PICK(faker_de_last_names, "")}},
		{70, {PLAIN, TEXT("-"), PICK(faker_de_last_names, " "), PICK(c_industries, "")}},
		{100, {GLUED, TEXT(" "), PICK(c_industries, "")}}
	}
};

/* Müllerweg, Annastraße, Heinrich-Weber-Straße (the number: locale.c) */
static const CompoundKind street_kind = {
	&faker_de_streets, false, NULL, 70, {&faker_de_last_names, &faker_de_first_names, &t_stems}, &s_glued, 0, true, 2, {
		{50, {GLUED}},
		{100, {PICK(men, "-"), PICK(faker_de_last_names, ""), PICK(s_hyphened, "")}}
	}
};

GenCompoundTables faker_de_compounds = {
	&first_name_kind, &last_name_kind, &city_kind, &company_kind, NULL, &street_kind, NULL
};
