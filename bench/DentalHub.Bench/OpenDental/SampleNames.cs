namespace DentalHub.Bench.OpenDental;

/// <summary>Word lists the generator draws from: common US names (a few with accents, hyphens and apostrophes), streets and towns.</summary>
internal static class SampleNames
{
    public static readonly string[] Male =
    [
        "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Christopher",
        "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Andrew", "Paul", "Joshua",
        "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Jason", "Edward", "Jeffrey", "Ryan",
        "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon",
        "Benjamin", "Samuel", "Gregory", "Alexander", "Patrick", "Frank", "Raymond", "Jack", "Dennis", "Jerry",
        "Tyler", "Aaron", "José", "Adam", "Nathan", "Henry", "Zachary", "Douglas", "Peter", "Kyle",
        "Noah", "Ethan", "Jeremy", "Walter", "Christian", "Keith", "Roger", "Terry", "Austin", "Sean",
        "Gerald", "Carl", "Harold", "Dylan", "Arthur", "Lawrence", "Jordan", "Jesse", "Bryan", "Billy",
        "Bruce", "Gabriel", "Joe", "Logan", "Alan", "Juan", "Albert", "Willie", "Elijah", "Wayne",
        "Randy", "Vincent", "Mason", "Roy", "Ralph", "Bobby", "Russell", "Bradley", "Philip", "Eugene",
        "Liam", "Lucas", "Oliver", "Aiden", "Carter", "Owen", "Wyatt", "Luke", "Isaac", "Hunter",
        "Jamal", "Andrés", "Mateo", "Santiago", "Minh", "Wei", "Hiroshi", "Rajesh", "Omar", "Ali",
    ];

    public static readonly string[] Female =
    [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Lisa", "Nancy", "Betty", "Sandra", "Margaret", "Ashley", "Kimberly", "Emily", "Donna", "Michelle",
        "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Dorothy", "Rebecca", "Sharon", "Laura", "Cynthia",
        "Amy", "Kathleen", "Angela", "Shirley", "Brenda", "Emma", "Anna", "Pamela", "Nicole", "Samantha",
        "Katherine", "Christine", "Helen", "Debra", "Rachel", "Carolyn", "Janet", "Maria", "Catherine", "Heather",
        "Diane", "Olivia", "Julie", "Joyce", "Victoria", "Ruth", "Virginia", "Lauren", "Kelly", "Christina",
        "Joan", "Evelyn", "Judith", "Andrea", "Hannah", "Megan", "Cheryl", "Jacqueline", "Martha", "Madison",
        "Teresa", "Gloria", "Sara", "Janice", "Ann", "Kathryn", "Abigail", "Sophia", "Frances", "Jean",
        "Alice", "Judy", "Isabella", "Julia", "Grace", "Amber", "Denise", "Danielle", "Marilyn", "Beverly",
        "Charlotte", "Natalie", "Theresa", "Diana", "Brittany", "Doris", "Kayla", "Alexis", "Lori", "Marie",
        "Ava", "Mia", "Harper", "Ella", "Chloé", "Zoë", "Renée", "Lucía", "Sofía", "Valentina",
        "Aaliyah", "Imani", "Mai", "Yuki", "Priya", "Fatima", "Leila", "Ingrid", "Siobhan", "Ngozi",
    ];

    public static readonly string[] Last =
    [
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
        "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Muñoz", "Hunt", "Hicks",
        "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox",
        "Warren", "Mills", "Meyer", "Rice", "Schmidt", "García", "Peña", "Núñez", "Ibáñez", "Müller",
        "O'Brien", "O'Connor", "D'Angelo", "McCarthy", "Smith-Jones", "Lopez-Garcia", "Van der Berg", "De la Cruz", "St. John", "Nakamura",
        "Tanaka", "Yamamoto", "Wang", "Li", "Zhang", "Liu", "Singh", "Kumar", "Shah", "Cohen",
        "Kowalski", "Nowak", "Novak", "Horvath", "Jensen", "Larsen", "Hansen", "Johansson", "Lindqvist", "Rossi",
        "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Dubois", "Lefebvre", "Moreau", "Fournier", "Girard",
        "Okafor", "Adeyemi", "Mensah", "Osei", "Haddad", "Khalil", "Nasser", "Yilmaz", "Demir", "Kaya",
        "Ivanov", "Petrov", "Popescu", "Papadopoulos", "Brennan", "Gallagher", "Doherty", "Kavanagh", "Fitzgerald", "Byrne",
    ];

    public static readonly string[] Streets =
    [
        "Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Pine St", "Elm St", "Washington Blvd", "Lake Rd", "Hill St", "Park Ave",
        "Sunset Blvd", "River Rd", "Church St", "Highland Ave", "Jefferson St", "Lincoln Way", "Madison Ave", "Forest Dr", "Meadow Ln", "Spring St",
        "Walnut St", "Chestnut St", "Willow Way", "Birch Ct", "Ridge Rd", "Valley View Dr", "Mill Rd", "Center St", "Franklin Ave", "Grant St",
        "N 3rd St", "S 14th Ave", "E 52nd St", "W Colfax Ave", "Country Club Rd", "Orchard Ln", "Harbor Dr", "Canyon Rd", "Prairie Ave", "Aspen Ct",
    ];

    public static readonly (string City, string State, string ZipPrefix, string AreaCode)[] Towns =
    [
        ("Springfield", "IL", "627", "217"), ("Portland", "OR", "972", "503"), ("Austin", "TX", "787", "512"), ("Denver", "CO", "802", "303"),
        ("Columbus", "OH", "432", "614"), ("Madison", "WI", "537", "608"), ("Raleigh", "NC", "276", "919"), ("Boise", "ID", "837", "208"),
        ("Tucson", "AZ", "857", "520"), ("Omaha", "NE", "681", "402"), ("Richmond", "VA", "232", "804"), ("Spokane", "WA", "992", "509"),
        ("Fresno", "CA", "937", "559"), ("Tulsa", "OK", "741", "918"), ("Albany", "NY", "122", "518"), ("Savannah", "GA", "314", "912"),
        ("Lexington", "KY", "405", "859"), ("Des Moines", "IA", "503", "515"), ("Provo", "UT", "846", "801"), ("Burlington", "VT", "054", "802"),
        ("Knoxville", "TN", "379", "865"), ("Reno", "NV", "895", "775"), ("Fargo", "ND", "581", "701"), ("Tampa", "FL", "336", "813"),
        ("Sioux Falls", "SD", "571", "605"), ("Anchorage", "AK", "995", "907"), ("Bangor", "ME", "044", "207"), ("Wichita", "KS", "672", "316"),
    ];

    public static readonly string[] EmailDomains = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net", "proton.me"];

    public static readonly string[] BadEmails = ["{0}@gmail", "{0} at yahoo.com", "{0}@@outlook.com", "{0}@hotmail..com", "{0}.gmail.com", "none", "{0}@"];
}
