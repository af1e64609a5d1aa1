// Benign strings a function really receives, generated from hand-written word lists and templates so
// the false-positive measure covers thousands of realistic values: names with apostrophes, addresses,
// prose that uses SQL and shell words, JSON, URLs, file names, markdown, headers, identifiers.

const FIRST = ['Liam', 'Siobhán', 'José', 'Ngozi', 'Mei', 'Anders', 'Priya', 'Oluwaseun', 'Zoë', 'Hamid', 'Chloé', 'Dmitri', 'Aroha', 'Kwame', 'Ines', 'Tomás'];
const LAST = ["O'Brien", "D'Angelo", "O'Neill", 'McDonald', "N'Diaye", 'van der Berg', 'García-López', "Dell'Acqua", 'Smith-Jones', 'Nguyễn', "L'Estrange", 'Ó Briain'];
const STREETS = ['Main St.', "St. John's Rd", 'Rue de la Paix', 'Baker Street', 'Elm Ave, Apt #4B', 'Calle 50 #12-34', 'Unit 3/21 George St', 'PO Box 1011', "King's Cross Rd"];
const CITIES = ['Dublin', 'Zürich', 'São Paulo', 'Lagos', 'Kyoto', 'Auckland', 'Austin, TX 78701', 'Montréal QC', 'Cape Town 8001'];
const PROSE = [
  'Please select a date from the calendar',
  'Drop us a line if you have questions',
  'The union of the two sets is empty',
  'Sort the results by name and then by date',
  'Where are you from? I am from Cork',
  'We need 1 or 2 more volunteers for Saturday',
  'Tom & Jerry is my favourite cartoon; I watch it daily',
  'Delete the draft once you are done',
  'Update your profile picture in settings',
  'Insert the card and wait for the beep',
  'Order by phone or online, whichever you prefer',
  'Can you execute the plan before Friday?',
  'The table is set for dinner at 8',
  'Rock \'n\' roll never dies',
  "It's a beautiful day, isn't it?",
  'Meet me at 5 - bring the keys',
  'I rated it 5/5 and would buy again!',
  'Cats & dogs; birds & fish',
  'Join our group and share your ideas',
  'Having fun? Tell your friends',
  'She said "hello" and left',
  'Use the sleep timer to save battery',
  'My cat likes to sleep all day',
  'Echo Park is nice in spring',
  'Find the best deals near you',
  'I am 5\'10" tall and wear size 10',
  'The script for the play is ready',
  'Net profit rose 12% year over year',
  'Ping me when you are free',
  'Who is on call tonight?',
  'Set the oven to 200 degrees',
  'Type your answer in the box below',
  'Less is more, as they say',
  'Head office is closed on Monday',
  'Add 2 cups of flour, then stir',
  'Price: $19.99 (was $25)',
  'Q&A session starts at 3pm',
  'AT&T and R&D teams will join',
  'Save 50% off today only!',
  'Email me at first.last@example.com',
  'Thanks :-) see you soon',
  'C# and C++ developers wanted',
  'a < b and b > c, so a < c',
  'Call +1 (555) 010-9999 ext. 12',
  'Version 2.0.1 - released 2024-03-01',
  'The password must be at least 12 characters',
  'Select all that apply: red, green, blue',
  'Our mission: make everyone\'s life easier',
  'Was it 3 or 4 years ago?',
  'We can\'t wait -- see you there!',
  'Room #12, floor 3',
  'Temperature fell to -5 °C overnight',
  'He asked, "Is 1=1 always true?" in maths class',
  'The meeting is from 9:30 to 10:15',
  'Re: your order #48213 has shipped',
  'I\'ll grab coffee; want some?',
  'Note: the server will restart at midnight',
  'Use the "Export" button to download a CSV',
  'Love this!!! 😍😍',
  'Fix typo in README (thanks @dana)',
];
const WORDS = ['report', 'invoice', 'photo', 'résumé', 'notes', 'budget_2024', 'draft-v2', 'IMG_0042', 'meeting minutes', 'backup'];
const EXT = ['pdf', 'docx', 'png', 'jpg', 'csv', 'tar.gz', 'txt', 'md', 'xlsx', 'heic'];
const DOMAINS = ['example.com', 'shop.example.org', 'docs.example.net', 'cdn.example.io', 'api.example.dev', 'news.example.co.uk'];
const PATHS = ['/', '/products/42', '/search?q=red+shoes&page=2', '/blog/2024/05/hello-world', '/users/me/settings', '/a/b/c.html#section-2', '/files/report.pdf?download=1', '/api/v1/items?sort=-created&limit=20'];
const MD = [
  '# Release notes\n\n- Fixed login bug\n- Improved speed',
  '**Bold** and _italic_ text',
  'See [the docs](https://docs.example.net/guide) for details',
  '![logo](images/logo.png)',
  '```\nconst x = 1;\n```',
  '> Quote from the author',
  '1. First\n2. Second\n3. Third',
  '| Name | Qty |\n|------|-----|\n| Pen  | 2   |',
  'Run `npm install` then `npm test`',
  'Use `git status` to check your changes',
  '- [ ] todo\n- [x] done',
  'Line one\nLine two\nLine three',
  'Dear team,\r\n\r\nPlease find the report attached.\r\n\r\nRegards,\r\nAnn',
  '[Back](../index.md)',
  '<b>Important</b>: read <i>carefully</i>',
  '<p>Hello <a href="https://example.com/about">about us</a></p>',
  '<img src="cat.png" alt="A cat">',
  'Hello {{name}}, your code is {{code}}',
  'Path is ${HOME}/projects',
  '50 % of users said yes',
];
const HEADERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'application/json; charset=utf-8',
  'gzip, deflate, br',
  'en-GB,en;q=0.9,fr;q=0.8',
  'theme=dark; lang=en; _ga=GA1.2.12345.67890',
  'no-cache',
  'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW',
  'curl/8.5.0',
  'Amazon CloudFront',
  'max-age=31536000; includeSubDomains',
  'bytes=0-1023',
  'W/"5e15153d-120f"',
];

function pick<T>(a: readonly T[], i: number): T {
  return a[((i % a.length) + a.length) % a.length] as T;
}

/** Deterministic: the same list on every run, so the measured rate is reproducible. */
export function benignStrings(): string[] {
  const out = new Set<string>();
  for (let i = 0; i < FIRST.length * LAST.length; i++) {
    const f = pick(FIRST, i), l = pick(LAST, Math.floor(i / FIRST.length));
    out.add(`${f} ${l}`);
    out.add(`${l}, ${f}`);
  }
  for (let i = 0; i < 160; i++) {
    out.add(`${10 + i * 7} ${pick(STREETS, i)}, ${pick(CITIES, i * 3 + 1)}`);
    out.add(`${pick(FIRST, i)}.${pick(LAST, i * 5).toLowerCase().replace(/[^a-z]/g, '')}${i}@${pick(DOMAINS, i)}`);
  }
  for (let i = 0; i < PROSE.length; i++) {
    out.add(pick(PROSE, i));
    out.add(`${pick(PROSE, i)}. ${pick(PROSE, i + 7)}`);
    out.add(`${pick(FIRST, i)} wrote: ${pick(PROSE, i + 3)}`);
    out.add(`${pick(PROSE, i)} — ${pick(LAST, i)}`);
  }
  for (let i = 0; i < 200; i++) {
    out.add(`${pick(WORDS, i)} ${2000 + (i % 25)}.${pick(EXT, i * 3)}`);
    out.add(`${pick(WORDS, i)}/${pick(WORDS, i + 1)}_${i}.${pick(EXT, i)}`);
    out.add(`https://${pick(DOMAINS, i)}${pick(PATHS, i * 7 + 1)}`);
  }
  for (let i = 0; i < 120; i++) {
    out.add(JSON.stringify({ id: i, name: `${pick(FIRST, i)} ${pick(LAST, i)}`, tags: [pick(WORDS, i), pick(EXT, i)], note: pick(PROSE, i) }));
    out.add(JSON.stringify({ sku: `SKU-${1000 + i}`, price: (i * 1.37).toFixed(2), currency: 'EUR', qty: i % 9 }));
  }
  for (let i = 0; i < MD.length * 6; i++) out.add(`${pick(MD, i)}${i >= MD.length ? `\n\n${pick(PROSE, i)}` : ''}`);
  for (let i = 0; i < HEADERS.length; i++) out.add(pick(HEADERS, i));
  for (let i = 0; i < 150; i++) {
    const h = (i * 2654435761) >>> 0;
    out.add(`${h.toString(16).padStart(8, '0')}-${(h >>> 16).toString(16).padStart(4, '0')}-4${(i * 97).toString(16).padStart(3, '0')}-a${(i * 31).toString(16).padStart(3, '0')}-${(h * 7).toString(16).slice(0, 12).padStart(12, '0')}`);
    out.add(new Date(Date.UTC(2024, i % 12, 1 + (i % 28), i % 24, i % 60)).toISOString());
    out.add(`+44 20 7946 ${String(1000 + i).slice(-4)}`);
  }
  return [...out];
}
