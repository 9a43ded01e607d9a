/**
 * Name material for generated people and companies, in several locales so that sorting,
 * searching and CSV export meet non-ASCII text (Cyrillic, German umlauts, Polish, Spanish).
 */
export interface NameSet {
  locale: string;
  male: readonly string[];
  female: readonly string[];
  /** Last names; for locales with gendered surnames, female forms come from femaleLast. */
  last: readonly string[];
  femaleLast?: readonly string[];
  cities: readonly string[];
  phonePrefix: string;
  timeZone: string;
}

export const NAME_SETS: readonly NameSet[] = [
  {
    locale: "en",
    male: ["James", "Oliver", "Henry", "Jack", "Liam", "Noah", "Ethan", "Samuel", "David", "Thomas"],
    female: ["Emma", "Olivia", "Amelia", "Grace", "Sophie", "Chloe", "Emily", "Hannah", "Lucy", "Mia"],
    last: ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Walker", "Hughes", "Baker", "O'Neill"],
    cities: ["London", "Manchester", "Leeds", "Bristol", "Dublin"],
    phonePrefix: "+44 20",
    timeZone: "Europe/London",
  },
  {
    locale: "ru",
    male: ["Александр", "Дмитрий", "Сергей", "Иван", "Михаил", "Андрей", "Никита", "Павел"],
    female: ["Анна", "Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина", "Ксения"],
    last: ["Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков"],
    femaleLast: ["Иванова", "Смирнова", "Кузнецова", "Попова", "Соколова", "Лебедева", "Козлова", "Новикова"],
    cities: ["Москва", "Санкт-Петербург", "Казань", "Новосибирск"],
    phonePrefix: "+7 495",
    timeZone: "Europe/Moscow",
  },
  {
    locale: "de",
    male: ["Jürgen", "Lukas", "Maximilian", "Felix", "Tobias", "Stefan", "Matthias", "Jörg"],
    female: ["Lea", "Jana", "Katharina", "Sabine", "Jülide", "Marie", "Anja", "Ursula"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Becker", "Schäfer", "Groß"],
    cities: ["Berlin", "München", "Köln", "Hamburg", "Düsseldorf"],
    phonePrefix: "+49 30",
    timeZone: "Europe/Berlin",
  },
  {
    locale: "pl",
    male: ["Łukasz", "Paweł", "Krzysztof", "Michał", "Tomasz"],
    female: ["Małgorzata", "Agnieszka", "Zofia", "Katarzyna", "Żaneta"],
    last: ["Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Zieliński"],
    femaleLast: ["Nowak", "Wiśniewska", "Wójcik", "Kowalczyk", "Zielińska"],
    cities: ["Warszawa", "Kraków", "Łódź", "Gdańsk"],
    phonePrefix: "+48 22",
    timeZone: "Europe/Warsaw",
  },
  {
    locale: "es",
    male: ["José", "Álvaro", "Javier", "Sergio", "Martín"],
    female: ["Lucía", "María José", "Sofía", "Inés", "Begoña"],
    last: ["García", "Fernández", "López", "Martínez", "Sánchez", "Núñez"],
    cities: ["Madrid", "Barcelona", "Sevilla", "Valencia"],
    phonePrefix: "+34 91",
    timeZone: "Europe/Madrid",
  },
];

export const POSITIONS = [
  "Sales manager",
  "Account executive",
  "Software engineer",
  "QA engineer",
  "Product manager",
  "HR specialist",
  "Recruiter",
  "Accountant",
  "Marketing manager",
  "Support engineer",
  "Designer",
  "Office manager",
  "Lawyer",
  "Logistics coordinator",
  "Data analyst",
] as const;

export const COMPANY_WORDS = [
  "Nord",
  "Alpha",
  "Vector",
  "Summit",
  "Blue",
  "Atlas",
  "Green",
  "Pioneer",
  "Union",
  "Crystal",
  "Orbit",
  "Delta",
  "Prime",
  "Silver",
  "Harbor",
  "Север",
  "Вектор",
  "Sonnen",
  "Wisła",
  "Sol",
] as const;

export const COMPANY_SUFFIXES = ["Ltd", "LLC", "GmbH", "ООО", "Sp. z o.o.", "S.L.", "Group", "Trading"] as const;

export const SUBJECT_WORDS = [
  "Prepare",
  "Review",
  "Call",
  "Send",
  "Update",
  "Check",
  "Plan",
  "Fix",
  "Negotiate",
  "Approve",
  "contract",
  "proposal",
  "invoice",
  "report",
  "presentation",
  "budget",
  "delivery",
  "pricing",
  "onboarding",
  "renewal",
  "Q3",
  "Q4",
  "client",
  "supplier",
  "meeting",
] as const;

/** Latin transliteration for e-mail local parts (ASCII only, as mail servers expect). */
export function asciiSlug(text: string): string {
  const map: Record<string, string> = {
    а: "a",
    б: "b",
    в: "v",
    г: "g",
    д: "d",
    е: "e",
    ё: "e",
    ж: "zh",
    з: "z",
    и: "i",
    й: "y",
    к: "k",
    л: "l",
    м: "m",
    н: "n",
    о: "o",
    п: "p",
    р: "r",
    с: "s",
    т: "t",
    у: "u",
    ф: "f",
    х: "kh",
    ц: "ts",
    ч: "ch",
    ш: "sh",
    щ: "sch",
    ъ: "",
    ы: "y",
    ь: "",
    э: "e",
    ю: "yu",
    я: "ya",
    ä: "ae",
    ö: "oe",
    ü: "ue",
    ß: "ss",
    ł: "l",
    ą: "a",
    ę: "e",
    ś: "s",
    ć: "c",
    ń: "n",
    ó: "o",
    ź: "z",
    ż: "z",
    á: "a",
    é: "e",
    í: "i",
    ú: "u",
    ñ: "n",
  };
  let out = "";
  for (const ch of text.toLowerCase()) out += map[ch] ?? (/[a-z0-9]/.test(ch) ? ch : "");
  return out;
}
