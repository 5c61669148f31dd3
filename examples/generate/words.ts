/**
 * Word lists for a plausible B2B SaaS customer base: company names, industries, regions, people,
 * titles and departments. Pure data, written as comma-separated text to stay readable.
 */

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export const NAME_HEADS = list(`
  Arbor, Fjord, Northwind, Bluecrest, Cedar, Harbor, Summit, Ironwood, Lumen, Meridian, Pinnacle,
  Quarry, Redwood, Silverline, Tidewater, Vantage, Willow, Zephyr, Alder, Beacon, Cobalt, Driftwood,
  Ember, Falcon, Granite, Helix, Indigo, Juniper, Keystone, Larkspur, Mosaic, Nimbus, Orchard,
  Prairie, Quill, Riverbend, Sable, Tamarack, Umber, Verdant, Westbrook, Yarrow, Atlas, Brightlane,
  Copperleaf, Delta, Evergreen, Foxglove, Goldcrest, Highland, Ivory, Jasper, Kestrel, Lighthouse,
  Maple, Northstar, Oakridge, Pioneer, Quantum, Rosewood, Saltmarsh, Thistle, Upland, Vireo,
  Wildflower, Aspen, Bramble, Clearwater, Dune, Eastgate, Fernhill, Glacier, Hollow, Inlet,
  Kingfisher, Lattice, Monarch, Nova, Obsidian, Parallel, Ridgeline, Solstice, Trellis, Vector`);

export const NAME_TAILS = list(`
  Labs, Health, Logistics, Analytics, Capital, Systems, Partners, Foods, Energy, Media, Robotics,
  Retail, Insurance, Bank, Clinics, Manufacturing, Software, Studios, Learning, Freight, Group,
  Holdings, Networks, Bio, Consulting, Outfitters, Realty, Mobility, Pharma, Foundry`);

/** Legal-form suffixes; blanks make most names bare. */
export const NAME_SUFFIXES = ['', '', '', '', '', 'Inc.', 'LLC', 'Ltd', 'GmbH', 'S.A.', 'AB', 'BV'];

/** Names that test escaping and encoding all the way into a CRM, a CSV and an HTML page. */
export const AWKWARD_NAMES = [
  'Baker & Sons',
  'Nørd|Data',
  '<Blue> Harbor Studios',
  '"Quoted" Analytics',
  'Café Société',
  "O'Reilly & Brandt, Inc.",
  'Zürich Präzision AG',
  'São Paulo Logística',
  'Smith; Wesson & Partners',
  'Ångström Bio',
];

export const INDUSTRIES: [string, number][] = [
  ['Software', 18],
  ['Financial Services', 12],
  ['Healthcare', 11],
  ['Manufacturing', 10],
  ['Retail', 9],
  ['Media', 6],
  ['Education', 6],
  ['Logistics', 8],
  ['Professional Services', 9],
  ['Energy', 4],
  ['Real Estate', 4],
  ['Nonprofit', 3],
];

export const REGIONS: [string, number][] = [
  ['NA', 45],
  ['EMEA', 32],
  ['APAC', 15],
  ['LATAM', 8],
];

export const CITIES = list(
  'Austin, Denver, Toronto, Dublin, Berlin, Lisbon, Singapore, Sydney, São Paulo, Warsaw',
);

/** The vendor's account team: AEs own the bigger accounts, CSMs the long tail. */
export const OWNERS = [
  { name: 'Dana Reyes', email: 'dana.reyes@loomline.example', ae: true },
  { name: 'Marcus Webb', email: 'marcus.webb@loomline.example', ae: true },
  { name: 'Priya Raman', email: 'priya.raman@loomline.example', ae: true },
  { name: 'Tomás Herrera', email: 'tomas.herrera@loomline.example', ae: false },
  { name: 'Hannah Kim', email: 'hannah.kim@loomline.example', ae: false },
  { name: 'Olu Adeyemi', email: 'olu.adeyemi@loomline.example', ae: false },
];

export const FIRST_NAMES = list(`
  Ana, Ben, Chloé, David, Elena, Farid, Grace, Hiro, Isabel, Jonas, Kofi, Lena, Mateo, Nadia, Omar,
  Paula, Quinn, Rosa, Sven, Tara, Uma, Victor, Wei, Ximena, Yusuf, Zoë, Aisha, Bruno, Carmen,
  Dmitri, Emma, Felix, Greta, Hassan, Ines, Jack, Keiko, Liam, Maya, Noah, Olivia, Pedro, Rahul,
  Sofia, Theo, Valentina, William, Yara, José, Søren`);

export const LAST_NAMES = list(`
  Abbott, Bauer, Chen, Dubois, Eriksen, Fischer, García, Haddad, Ivanova, Jensen, Kowalski,
  Lindqvist, Mensah, Nakamura, O'Brien, Patel, Quintero, Rossi, Schmidt, Tanaka, Usman, Varga,
  Walsh, Xu, Yamada, Zimmermann, Moreau, Nguyen, Okafor, Park, Silva, Novak, Khan, Murphy, Costa`);

export const DEPARTMENTS = list(`
  Engineering, Product, Sales, Marketing, Finance, Operations, Customer Success, HR, Legal, IT,
  Data, Procurement`);

/** Titles per buying role; `{d}` is the contact's department. */
export const TITLES: Record<string, string[]> = {
  champion: list(
    '{d} Operations Lead, Senior Manager {d}, Head of {d} Systems, {d} Program Manager',
  ),
  power_user: list('{d} Analyst, Senior {d} Specialist, {d} Administrator'),
  economic_buyer: list('VP {d}, Director of {d}, CFO'),
  exec_sponsor: list('COO, Chief Digital Officer, SVP {d}, CTO'),
  decision_maker: list('Director of {d}, Head of {d}, VP {d}'),
};

export const NEW_TITLES = list(
  'Director of Operations, VP Finance, Head of Revenue Operations, COO, Head of Data',
);

/** Ticket themes that point at no module (noise next to the module keywords). */
export const GENERIC_THEMES = list('onboarding, billing, login issues, how-to, notifications');
export const RISK_THEMES = list('performance, outage, bugs, data loss, billing dispute');
