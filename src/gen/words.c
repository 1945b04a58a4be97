/*
 * words.c: the "en" word lists.  Plain ASCII, so a character is a byte.
 */
#include "postgres.h"

#include "gen/words.h"

static const char *const first_names[] = {
	"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
	"William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
	"Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
	"Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
	"Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Dorothy", "George", "Melissa", "Timothy", "Deborah",
	"Ronald", "Stephanie", "Edward", "Rebecca", "Jason", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia",
	"Jacob", "Kathleen", "Gary", "Amy", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Anna",
	"Stephen", "Brenda", "Larry", "Pamela", "Justin", "Emma", "Scott", "Nicole", "Brandon", "Helen",
	"Benjamin", "Samantha", "Samuel", "Katherine", "Gregory", "Christine", "Alexander", "Debra", "Frank", "Rachel",
	"Patrick", "Carolyn", "Raymond", "Janet", "Jack", "Catherine", "Dennis", "Maria", "Jerry", "Heather",
	"Tyler", "Diane", "Aaron", "Ruth", "Jose", "Julie", "Adam", "Olivia", "Nathan", "Joyce",
	"Henry", "Virginia", "Douglas", "Victoria", "Zachary", "Kelly", "Peter", "Lauren", "Kyle", "Christina",
	"Ethan", "Joan", "Walter", "Evelyn", "Noah", "Judith", "Jeremy", "Megan", "Christian", "Andrea",
	"Keith", "Cheryl", "Roger", "Hannah", "Terry", "Jacqueline", "Gerald", "Martha", "Harold", "Gloria",
	"Sean", "Teresa", "Austin", "Ann", "Carl", "Sara", "Arthur", "Madison", "Lawrence", "Frances",
	"Dylan", "Kathryn", "Jesse", "Janice", "Jordan", "Jean", "Bryan", "Abigail", "Billy", "Alice",
	"Joe", "Julia", "Bruce", "Judy", "Gabriel", "Sophia", "Logan", "Grace", "Albert", "Denise",
	"Willie", "Amber", "Alan", "Doris", "Juan", "Marilyn", "Wayne", "Danielle", "Elijah", "Beverly",
	"Randy", "Isabella", "Roy", "Theresa", "Vincent", "Diana", "Ralph", "Natalie", "Eugene", "Brittany",
	"Russell", "Charlotte", "Bobby", "Marie", "Mason", "Kayla", "Philip", "Alexis", "Louis", "Lori",
	"Liam", "Ava", "Lucas", "Mia", "Oliver", "Amelia", "Elias", "Harper", "Leo", "Ella",
	"Hugo", "Chloe", "Oscar", "Zoe", "Felix", "Nora", "Miles", "Lily", "Ivan", "Aria",
	"Omar", "Layla", "Rafael", "Lucia", "Mateo", "Sofia", "Diego", "Elena", "Carlos", "Camila",
	"Ahmed", "Fatima", "Yusuf", "Aisha", "Hiroshi", "Yuki", "Kenji", "Mei", "Wei", "Ling",
	"Ravi", "Priya", "Arjun", "Ananya", "Sven", "Ingrid", "Lars", "Astrid", "Pierre", "Camille",
	"Luca", "Giulia", "Marco", "Chiara", "Jan", "Anja", "Piotr", "Zofia", "Dmitri", "Olga"
};
FAKER_WORD_LIST(faker_first_names, first_names);

static const char *const last_names[] = {
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
	"Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
	"Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
	"Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
	"Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
	"Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
	"Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
	"Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
	"Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
	"Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez",
	"Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
	"Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham",
	"Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson",
	"Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens",
	"Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen",
	"Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter",
	"Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks",
	"Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox",
	"Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens",
	"Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins",
	"Arnold", "Pierce", "Vazquez", "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott",
	"Cunningham", "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Ray", "Berry",
	"Perkins", "Hoffman", "Johnston", "Matthews", "Pena", "Richards", "Contreras", "Willis", "Carpenter", "Lawrence",
	"Sandoval", "Guerrero", "George", "Chapman", "Rios", "Estrada", "Ortega", "Watkins", "Greene", "Nunez",
	"Wheeler", "Valdez", "Harper", "Burke", "Larson", "Santiago", "Maldonado", "Morrison", "Franklin", "Carlson",
	"Austin", "Dominguez", "Carr", "Lawson", "Jacobs", "Obrien", "Lynch", "Singh", "Vega", "Bishop",
	"Montgomery", "Oliver", "Jensen", "Harvey", "Williamson", "Gilbert", "Dean", "Sims", "Espinoza", "Howell",
	"Li", "Wong", "Reid", "Hanson", "Le", "McCoy", "Garrett", "Burton", "Fuller", "Wang",
	"Weber", "Welch", "Rojas", "Lucas", "Marquez", "Fields", "Park", "Yang", "Little", "Banks",
	"Mueller", "Schneider", "Fischer", "Becker", "Rossi", "Russo", "Ferrari", "Dubois", "Laurent", "Novak"
};
FAKER_WORD_LIST(faker_last_names, last_names);

static const char *const cities[] = {
	"New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Philadelphia", "San Antonio", "San Diego", "Dallas", "San Jose",
	"Austin", "Jacksonville", "Fort Worth", "Columbus", "Charlotte", "Indianapolis", "San Francisco", "Seattle", "Denver", "Washington",
	"Nashville", "Oklahoma City", "El Paso", "Boston", "Portland", "Las Vegas", "Detroit", "Memphis", "Louisville", "Baltimore",
	"Milwaukee", "Albuquerque", "Tucson", "Fresno", "Sacramento", "Kansas City", "Mesa", "Atlanta", "Omaha", "Colorado Springs",
	"Raleigh", "Long Beach", "Virginia Beach", "Miami", "Oakland", "Minneapolis", "Tulsa", "Bakersfield", "Wichita", "Arlington",
	"Aurora", "Tampa", "New Orleans", "Cleveland", "Honolulu", "Anaheim", "Lexington", "Stockton", "Henderson", "Saint Paul",
	"Cincinnati", "Pittsburgh", "Greensboro", "Anchorage", "Plano", "Lincoln", "Orlando", "Irvine", "Newark", "Toledo",
	"Durham", "Chula Vista", "Fort Wayne", "Jersey City", "St. Petersburg", "Laredo", "Madison", "Chandler", "Buffalo", "Lubbock",
	"Scottsdale", "Reno", "Glendale", "Gilbert", "Winston-Salem", "North Las Vegas", "Norfolk", "Chesapeake", "Garland", "Irving",
	"Hialeah", "Fremont", "Boise", "Richmond", "Baton Rouge", "Spokane", "Des Moines", "Tacoma", "San Bernardino", "Modesto",
	"London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Edinburgh", "Liverpool", "Bristol", "Cardiff", "Belfast",
	"Dublin", "Cork", "Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Bordeaux", "Lille", "Nantes",
	"Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart", "Dusseldorf", "Leipzig", "Dresden", "Hanover",
	"Madrid", "Barcelona", "Valencia", "Seville", "Bilbao", "Malaga", "Lisbon", "Porto", "Rome", "Milan",
	"Naples", "Turin", "Florence", "Bologna", "Venice", "Amsterdam", "Rotterdam", "Utrecht", "Brussels", "Antwerp",
	"Vienna", "Zurich", "Geneva", "Basel", "Prague", "Warsaw", "Krakow", "Budapest", "Bucharest", "Sofia",
	"Athens", "Istanbul", "Ankara", "Copenhagen", "Stockholm", "Oslo", "Helsinki", "Reykjavik", "Tallinn", "Riga",
	"Vilnius", "Kyiv", "Toronto", "Montreal", "Vancouver", "Calgary", "Ottawa", "Edmonton", "Winnipeg", "Quebec City",
	"Mexico City", "Guadalajara", "Monterrey", "Bogota", "Medellin", "Lima", "Santiago", "Buenos Aires", "Cordoba", "Montevideo",
	"Sao Paulo", "Rio de Janeiro", "Brasilia", "Salvador", "Caracas", "Quito", "La Paz", "Havana", "Panama City", "San Juan",
	"Tokyo", "Osaka", "Kyoto", "Yokohama", "Nagoya", "Sapporo", "Seoul", "Busan", "Beijing", "Shanghai",
	"Shenzhen", "Guangzhou", "Hong Kong", "Taipei", "Singapore", "Kuala Lumpur", "Bangkok", "Hanoi", "Manila", "Jakarta",
	"Mumbai", "Delhi", "Bangalore", "Chennai", "Kolkata", "Hyderabad", "Karachi", "Lahore", "Dhaka", "Colombo",
	"Dubai", "Abu Dhabi", "Doha", "Riyadh", "Tel Aviv", "Cairo", "Casablanca", "Lagos", "Nairobi", "Accra",
	"Addis Ababa", "Johannesburg", "Cape Town", "Durban", "Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Auckland"
};
FAKER_WORD_LIST(faker_cities, cities);

static const char *const countries[] = {
	"Afghanistan", "Albania", "Algeria", "Andorra", "Angola", "Antigua and Barbuda", "Argentina", "Armenia", "Australia", "Austria",
	"Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize", "Benin", "Bhutan",
	"Bolivia", "Bosnia and Herzegovina", "Botswana", "Brazil", "Brunei", "Bulgaria", "Burkina Faso", "Burundi", "Cabo Verde", "Cambodia",
	"Cameroon", "Canada", "Central African Republic", "Chad", "Chile", "China", "Colombia", "Comoros", "Congo", "Costa Rica",
	"Croatia", "Cuba", "Cyprus", "Czechia", "Denmark", "Djibouti", "Dominica", "Dominican Republic", "Ecuador", "Egypt",
	"El Salvador", "Equatorial Guinea", "Eritrea", "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "France", "Gabon",
	"Gambia", "Georgia", "Germany", "Ghana", "Greece", "Grenada", "Guatemala", "Guinea", "Guinea-Bissau", "Guyana",
	"Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel",
	"Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kiribati", "Kuwait", "Kyrgyzstan", "Laos",
	"Latvia", "Lebanon", "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Luxembourg", "Madagascar", "Malawi",
	"Malaysia", "Maldives", "Mali", "Malta", "Marshall Islands", "Mauritania", "Mauritius", "Mexico", "Micronesia", "Moldova",
	"Monaco", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru", "Nepal", "Netherlands",
	"New Zealand", "Nicaragua", "Niger", "Nigeria", "North Korea", "North Macedonia", "Norway", "Oman", "Pakistan", "Palau",
	"Panama", "Papua New Guinea", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia",
	"Rwanda", "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines", "Samoa", "San Marino", "Sao Tome and Principe", "Saudi Arabia", "Senegal", "Serbia",
	"Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Solomon Islands", "Somalia", "South Africa", "South Korea", "South Sudan",
	"Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden", "Switzerland", "Syria", "Tajikistan", "Tanzania", "Thailand",
	"Timor-Leste", "Togo", "Tonga", "Trinidad and Tobago", "Tunisia", "Turkey", "Turkmenistan", "Tuvalu", "Uganda", "Ukraine",
	"United Arab Emirates", "United Kingdom", "United States", "Uruguay", "Uzbekistan", "Vanuatu", "Vatican City", "Venezuela", "Vietnam", "Yemen",
	"Zambia", "Zimbabwe"
};
FAKER_WORD_LIST(faker_countries, countries);

static const char *const streets[] = {
	"Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park",
	"Walnut", "Spring", "North", "Ridge", "Church", "Willow", "Mill", "Sunset", "Railroad", "Jackson",
	"Cherry", "West", "Lincoln", "Highland", "Johnson", "South", "Madison", "Forest", "Jefferson", "River",
	"Meadow", "Adams", "Center", "Franklin", "Chestnut", "Birch", "Dogwood", "Hickory", "Laurel", "Magnolia",
	"Poplar", "Sycamore", "Valley", "Broad", "Market", "Bridge", "Harbor", "Bay", "Prospect", "Summit",
	"Grove", "Garden", "Orchard", "Heritage", "Liberty", "Union", "Victoria", "King", "Queen", "Albert",
	"Mountain", "Canyon", "Creek", "Fairview", "Greenwood", "Hillside", "Lakeview", "Riverside", "Woodland", "Meadowbrook",
	"Aspen", "Beech", "Cypress", "Juniper", "Linden", "Sequoia", "Spruce", "Chapel", "College", "School",
	"Station", "Water", "High", "Front", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh"
};
FAKER_WORD_LIST(faker_streets, streets);

static const char *const street_suffixes[] = {
	"Street", "Avenue", "Road", "Lane", "Drive", "Court", "Place", "Boulevard", "Way", "Terrace", "Circle", "Square"
};
FAKER_WORD_LIST(faker_street_suffixes, street_suffixes);

static const char *const company_suffixes[] = {
	"Inc", "LLC", "Ltd", "Group", "and Sons", "Partners", "Holdings", "Industries", "Systems", "Labs",
	"Technologies", "Solutions", "Consulting", "Logistics", "Media", "Foods", "Works", "Studio", "Co", "Corp"
};
FAKER_WORD_LIST(faker_company_suffixes, company_suffixes);

static const char *const jobs[] = {
	"Accountant", "Actuary", "Administrative Assistant", "Architect", "Art Director", "Auditor", "Baker", "Bank Teller", "Barista", "Biologist",
	"Bookkeeper", "Business Analyst", "Buyer", "Carpenter", "Cashier", "Chef", "Chemical Engineer", "Chemist", "Civil Engineer", "Claims Adjuster",
	"Clinical Psychologist", "Compliance Officer", "Computer Programmer", "Construction Manager", "Copywriter", "Counselor", "Courier", "Customer Service Representative", "Data Analyst", "Data Engineer",
	"Data Scientist", "Database Administrator", "Dental Hygienist", "Dentist", "Designer", "Dietitian", "Economist", "Editor", "Electrician", "Electrical Engineer",
	"Event Planner", "Farmer", "Financial Advisor", "Financial Analyst", "Firefighter", "Flight Attendant", "Florist", "Geologist", "Graphic Designer", "Hairdresser",
	"Historian", "HR Manager", "Illustrator", "Industrial Designer", "Insurance Agent", "Interior Designer", "Interpreter", "IT Support Specialist", "Janitor", "Journalist",
	"Judge", "Laboratory Technician", "Landscape Architect", "Lawyer", "Librarian", "Logistics Coordinator", "Machinist", "Marketing Manager", "Mathematician", "Mechanic",
	"Mechanical Engineer", "Medical Assistant", "Meteorologist", "Musician", "Network Engineer", "Nurse", "Nutritionist", "Occupational Therapist", "Office Manager", "Operations Manager",
	"Optometrist", "Painter", "Paralegal", "Paramedic", "Pharmacist", "Photographer", "Physical Therapist", "Physician", "Physicist", "Pilot",
	"Plumber", "Police Officer", "Product Manager", "Project Manager", "Property Manager", "Psychiatrist", "Public Relations Specialist", "Quality Engineer", "Real Estate Agent", "Receptionist",
	"Recruiter", "Research Scientist", "Sales Manager", "Sales Representative", "School Principal", "Security Guard", "Site Reliability Engineer", "Social Worker", "Software Developer", "Software Engineer",
	"Sound Engineer", "Statistician", "Store Manager", "Surgeon", "Surveyor", "Systems Administrator", "Tax Advisor", "Teacher", "Technical Writer", "Translator",
	"Travel Agent", "Truck Driver", "Tutor", "UX Designer", "Veterinarian", "Video Editor", "Web Developer", "Welder", "Writer", "Zoologist"
};
FAKER_WORD_LIST(faker_jobs, jobs);

static const char *const lorem[] = {
	"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do",
	"eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "enim",
	"ad", "minim", "veniam", "quis", "nostrud", "exercitation", "ullamco", "laboris", "nisi", "aliquip",
	"ex", "ea", "commodo", "consequat", "duis", "aute", "irure", "in", "reprehenderit", "voluptate",
	"velit", "esse", "cillum", "fugiat", "nulla", "pariatur", "excepteur", "sint", "occaecat", "cupidatat",
	"non", "proident", "sunt", "culpa", "qui", "officia", "deserunt", "mollit", "anim", "id",
	"est", "laborum", "perspiciatis", "unde", "omnis", "iste", "natus", "error", "voluptatem", "accusantium",
	"doloremque", "laudantium", "totam", "rem", "aperiam", "eaque", "ipsa", "quae", "ab", "illo",
	"inventore", "veritatis", "quasi", "architecto", "beatae", "vitae", "dicta", "explicabo", "nemo", "ipsam",
	"quia", "voluptas", "aspernatur", "aut", "odit", "fugit", "consequuntur", "magni", "dolores", "eos",
	"ratione", "sequi", "nesciunt", "neque", "porro", "quisquam", "dolorem", "adipisci", "numquam", "eius",
	"modi", "tempora", "incidunt", "magnam", "quaerat", "minima", "nostrum", "exercitationem", "ullam", "corporis",
	"suscipit", "laboriosam", "aliquid", "commodi", "consequatur", "autem", "vel", "eum", "iure", "quam",
	"nihil", "molestiae", "illum", "fugiat", "quo", "at", "vero", "accusamus", "iusto", "odio",
	"dignissimos", "ducimus", "blanditiis", "praesentium", "deleniti", "atque", "corrupti", "quos", "quas", "molestias",
	"excepturi", "occaecati", "cupiditate", "provident", "similique", "mollitia", "animi", "dolorum", "fuga", "harum",
	"quidem", "rerum", "facilis", "expedita", "distinctio", "nam", "libero", "tempore", "cum", "soluta",
	"nobis", "eligendi", "optio", "cumque", "impedit", "minus", "maxime", "placeat", "facere", "possimus",
	"assumenda", "repellendus", "temporibus", "quibusdam", "officiis", "debitis", "necessitatibus", "saepe", "eveniet", "voluptates",
	"repudiandae", "recusandae", "itaque", "earum", "hic", "tenetur", "sapiente", "delectus", "reiciendis", "maiores"
};
FAKER_WORD_LIST(faker_lorem, lorem);

static const char *const colors[] = {
	"red", "green", "blue", "yellow", "orange", "purple", "pink", "brown", "black", "white",
	"gray", "cyan", "magenta", "lime", "maroon", "navy", "olive", "teal", "silver", "gold",
	"indigo", "violet", "turquoise", "coral", "salmon", "beige", "lavender", "crimson", "khaki", "plum"
};
FAKER_WORD_LIST(faker_colors, colors);

static const char *const domains[] = {
	"example.com", "example.org", "example.net", "mail.example.com", "test.example.org", "inbox.example.net"
};
FAKER_WORD_LIST(faker_domains, domains);

static const char *const tlds[] = {"com", "org", "net", "io", "dev", "info", "biz", "co"};
FAKER_WORD_LIST(faker_tlds, tlds);

/* ISO 4217 currency codes in common use */
static const char *const currencies[] = {
	"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "SEK",
	"NOK", "DKK", "PLN", "CZK", "HUF", "INR", "BRL", "MXN", "ZAR", "KRW",
	"SGD", "HKD", "TRY", "ILS", "AED", "SAR", "THB", "IDR", "MYR", "PHP"
};
FAKER_WORD_LIST(faker_currencies, currencies);

/* ISO 3166-1 alpha-2 country codes */
static const char *const country_codes[] = {
	"US", "CA", "MX", "BR", "AR", "CL", "CO", "PE", "GB", "IE",
	"FR", "DE", "NL", "BE", "LU", "CH", "AT", "IT", "ES", "PT",
	"SE", "NO", "DK", "FI", "IS", "PL", "CZ", "SK", "HU", "RO",
	"BG", "GR", "TR", "IL", "EG", "ZA", "NG", "KE", "MA", "IN",
	"CN", "JP", "KR", "SG", "MY", "TH", "VN", "PH", "ID", "AU",
	"NZ", "AE", "SA", "UA", "EE", "LV", "LT", "HR", "SI", "RS"
};
FAKER_WORD_LIST(faker_country_codes, country_codes);

/* POSIX-style locale names */
static const char *const locales[] = {
	"en_US", "en_GB", "en_CA", "en_AU", "fr_FR", "fr_CA", "de_DE", "de_AT", "es_ES", "es_MX",
	"it_IT", "pt_BR", "pt_PT", "nl_NL", "sv_SE", "da_DK", "nb_NO", "fi_FI", "pl_PL", "cs_CZ",
	"ja_JP", "zh_CN", "zh_TW", "ko_KR", "ru_RU", "tr_TR", "ar_SA", "he_IL", "hi_IN", "th_TH"
};
FAKER_WORD_LIST(faker_locales, locales);

/* the platform part of browser user agents */
static const char *const ua_platforms[] = {
	"Windows NT 10.0; Win64; x64", "Macintosh; Intel Mac OS X 10_15_7", "X11; Linux x86_64",
	"X11; Ubuntu; Linux x86_64", "iPhone; CPU iPhone OS 17_4 like Mac OS X",
	"Linux; Android 14; Pixel 8", "iPad; CPU OS 16_6 like Mac OS X", "Windows NT 6.1; Win64; x64"
};
FAKER_WORD_LIST(faker_ua_platforms, ua_platforms);
