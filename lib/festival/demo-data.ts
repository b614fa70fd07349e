// Word lists for the demo festival (lib/festival/demo.ts): names, schools and real repertoire, so the
// demo reads like a real syllabus and entry list.

export const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Charlotte", "Oliver", "Amelia", "William", "Sophia", "Lucas", "Ava", "Benjamin", "Mia", "Jack",
  "Chloé", "Léo", "Zoé", "Gabriel", "Aisha", "Mohammed", "Priya", "Arjun", "Mei", "Wei", "Hana", "Kenji", "Sofia", "Mateo", "Isla",
  "Ethan", "Nora", "Samuel", "Maya", "Elijah", "Ella", "Theo", "Grace", "Owen", "Lily", "Felix", "Clara", "Henry", "Ruby", "Isaac",
  "Anika", "Rohan", "Yara", "Omar", "Freya", "Hugo",
];

export const LAST_NAMES = [
  "Smith", "Tremblay", "Martin", "Roy", "Gagnon", "Lee", "Wilson", "Johnson", "MacDonald", "Taylor", "Campbell", "Anderson", "Côté",
  "Bouchard", "Gauthier", "Morin", "Chen", "Wong", "Singh", "Patel", "Nguyen", "Kim", "Park", "Ali", "Khan", "Brown", "Clarke",
  "Fraser", "Murray", "Stewart", "O'Brien", "Kowalski", "Novak", "Rossi", "Bianchi", "García", "Fernández", "Müller", "Schmidt", "Dubois",
];

export const SCHOOLS = [
  "Riverside Conservatory", "Maple Leaf Music Academy", "St. Cecilia School of Music", "Lakeshore Secondary School", "Northgate Public School",
  "Harbourview Arts Collegiate", "Cedar Grove Music Studio", "Westmount School of the Arts", "Queen's Park Elementary", "Valley Heights Middle School",
  "Lynwood Suzuki School", "Bayview Community Music School",
];

export const GROUP_NAMES = [
  "Riverside Youth Choir", "Lakeshore Concert Band", "Maple Strings Ensemble", "Northgate Junior Choir", "Harbourview Jazz Band",
  "Cedar Grove Guitar Ensemble", "Westmount Chamber Singers", "Valley Percussion Ensemble", "Bayview Brass Quintet", "Lynwood Fiddlers",
];

/** title, composer, duration in seconds; by discipline. */
export const REPERTOIRE: Record<string, [string, string, number][]> = {
  Piano: [
    ["Für Elise", "Ludwig van Beethoven", 180], ["Prelude in C major, BWV 846", "Johann Sebastian Bach", 140], ["Gymnopédie No. 1", "Erik Satie", 200],
    ["Nocturne in E-flat major, Op. 9 No. 2", "Frédéric Chopin", 270], ["Clair de lune", "Claude Debussy", 300], ["Sonata in C major, K. 545, I. Allegro", "Wolfgang Amadeus Mozart", 240],
    ["The Entertainer", "Scott Joplin", 210], ["Solfeggietto", "Carl Philipp Emanuel Bach", 110], ["Träumerei", "Robert Schumann", 150],
    ["Minuet in G major", "Christian Petzold", 90], ["Sonatina in C, Op. 36 No. 1", "Muzio Clementi", 160], ["Arabesque No. 1", "Claude Debussy", 250],
  ],
  Voice: [
    ["Caro mio ben", "Tommaso Giordani", 180], ["Nel cor più non mi sento", "Giovanni Paisiello", 150], ["An die Musik", "Franz Schubert", 160],
    ["The Ash Grove", "Traditional Welsh", 140], ["Danny Boy", "Traditional Irish", 200], ["Sebben, crudele", "Antonio Caldara", 170],
    ["Lascia ch'io pianga", "George Frideric Handel", 240], ["Heidenröslein", "Franz Schubert", 120], ["Où va la jeune Indoue", "Léo Delibes", 420],
  ],
  Strings: [
    ["Concerto in A minor, Op. 3 No. 6, I.", "Antonio Vivaldi", 210], ["Meditation from Thaïs", "Jules Massenet", 300], ["The Swan", "Camille Saint-Saëns", 180],
    ["Gavotte", "François-Joseph Gossec", 150], ["Humoresque", "Antonín Dvořák", 200], ["Czardas", "Vittorio Monti", 270],
    ["Allegro", "Shinichi Suzuki", 90], ["Minuet No. 2", "Johann Sebastian Bach", 100],
  ],
  Woodwinds: [
    ["Syrinx", "Claude Debussy", 180], ["Sicilienne", "Gabriel Fauré", 210], ["Clarinet Concerto in A, K. 622, II.", "Wolfgang Amadeus Mozart", 420],
    ["Three Romances, Op. 94, No. 1", "Robert Schumann", 240], ["Pièce en forme de habanera", "Maurice Ravel", 190], ["Danse de la chèvre", "Arthur Honegger", 250],
  ],
  Brass: [
    ["Trumpet Voluntary", "Jeremiah Clarke", 180], ["Concerto in E-flat, I. Allegro", "Joseph Haydn", 330], ["Horn Concerto No. 3, K. 447, III.", "Wolfgang Amadeus Mozart", 220],
    ["Morceau symphonique", "Alexandre Guilmant", 360], ["The Carnival of Venice", "Jean-Baptiste Arban", 300], ["Romance", "Carl Maria von Weber", 280],
  ],
  Percussion: [
    ["Yellow After the Rain", "Mitchell Peters", 240], ["March for Two Pairs of Kettledrums", "Jacques Philidor", 150], ["Sea Refractions", "Mitchell Peters", 200],
    ["Marimba Flamenca", "Alice Gomez", 260], ["Rudimental Etude No. 4", "Charley Wilcoxon", 120],
  ],
  Guitar: [
    ["Romance (Spanish Romance)", "Anonymous", 200], ["Lágrima", "Francisco Tárrega", 150], ["Study in B minor, Op. 35 No. 22", "Fernando Sor", 170],
    ["Asturias (Leyenda)", "Isaac Albéniz", 380], ["Greensleeves", "Traditional English", 160], ["Prelude No. 1", "Heitor Villa-Lobos", 300],
  ],
  Choral: [
    ["Ave Verum Corpus", "Wolfgang Amadeus Mozart", 200], ["Shenandoah", "Traditional American", 240], ["The Lion Sleeps Tonight", "Solomon Linda", 180],
    ["Â la claire fontaine", "Traditional French Canadian", 150], ["Hallelujah", "Leonard Cohen", 270], ["Dona nobis pacem", "Traditional", 120],
  ],
  Band: [
    ["First Suite in E-flat, I. Chaconne", "Gustav Holst", 300], ["Chester", "William Schuman", 420], ["Fantasia on a Theme", "Ralph Vaughan Williams", 360],
    ["Highbridge Excursions", "Timothy Broege", 240], ["Sleigh Ride", "Leroy Anderson", 180],
  ],
  "Musical Theatre": [
    ["Maybe", "Charles Strouse", 150], ["On My Own", "Claude-Michel Schönberg", 230], ["Defying Gravity", "Stephen Schwartz", 300],
    ["Castle on a Cloud", "Claude-Michel Schönberg", 120], ["Pure Imagination", "Leslie Bricusse and Anthony Newley", 200], ["Do-Re-Mi", "Richard Rodgers", 180],
  ],
};

/** The class names' second part for the two kinds of solo class. */
export const SOLO_KINDS = [
  ["A", "Baroque and Classical"],
  ["B", "Romantic and Modern"],
] as const;
