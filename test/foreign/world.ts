/**
 * The foreign world's vocabulary: field-service companies in five countries, their people and
 * teams, and the words they use in signals and support tickets. Nothing here is taken from the
 * demo generator. `NEUTRAL_TEXTS` and the ticket themes must match no catalog keyword (a test
 * checks it), so that only planted needs can produce an opportunity.
 */

/** A comma-separated list as an array (keeps long vocabularies readable). */
const words = (list: string): readonly string[] => list.split(', ');

export const NAME_HEADS = words(
  'Harbour, Granite, Copperline, Lantern, Thistle, Meridian, Basalt, Willowby, Kestrel, ' +
    'Orchard, Juniper, Falconer, Tamarind, Birchwood, Quarrymen, Saltmarsh, Ridgeway, ' +
    'Emberly, Fenwick, Cobalt, Northgate, Ashdown, Brightwater, Calder, Dunmore, ' +
    'Evergreen, Foxley, Glenrock, Hollins, Ironbridge, Kingsmere, Larkspur',
);
export const NAME_TRADES = words(
  'Mechanical, Plumbing, HVAC, Electrical, Facilities, Lifts, Roofing, Pest Control, ' +
    'Solar, Fire Protection, Grounds, Security Systems, Water Services, Boilers',
);

export interface Country {
  /** What the export's region column holds. */
  region: string;
  tld: string;
  legal: readonly string[];
}
export const COUNTRIES: readonly Country[] = [
  { region: 'United States', tld: 'com', legal: ['Inc.', 'LLC', 'Co.'] },
  { region: 'United Kingdom', tld: 'co.uk', legal: ['Ltd', 'Group plc', 'Holdings Ltd'] },
  { region: 'Germany', tld: 'de', legal: ['GmbH', 'AG'] },
  { region: 'Australia', tld: 'com.au', legal: ['Pty Ltd'] },
  { region: 'Canada', tld: 'ca', legal: ['Inc.', 'Ltd.'] },
];

export const INDUSTRIES = words(
  'Facilities management, Building services, Utilities, Property maintenance, ' +
    'Construction, Medical equipment servicing, Elevator maintenance, Energy services',
);

export const OWNERS = [
  ['Marisol Vega', 'marisol.vega@fieldwise-sales.example'],
  ['Tobias Lind', 'tobias.lind@fieldwise-sales.example'],
  ['Aaliyah Brooks', 'aaliyah.brooks@fieldwise-sales.example'],
  ['Ken Watanabe', 'ken.watanabe@fieldwise-sales.example'],
  ['Sinead Murphy', 'sinead.murphy@fieldwise-sales.example'],
] as const;

export const FIRST = words(
  'Amara, Bruno, Chloe, Dev, Elif, Finn, Grace, Hamid, Ines, Jonas, Keira, Luca, Maya, ' +
    'Nikhil, Orla, Pavel, Quinn, Rosa, Sami, Tessa, Umar, Vera, Wes, Ximena, Yusuf, Zoe',
);
export const LAST = words(
  'Adebayo, Bianchi, Castillo, Duffy, Eriksen, Fischer, Gallagher, Hosseini, Ibarra, ' +
    'Jansen, Kowalski, Lindqvist, Moreau, Nakashima, Okafor, Petrov, Quigley, Rahman, ' +
    'Schulz, Thornton, Ueda, Varga, Whitaker, Yilmaz',
);

/** Teams that run the product in a field-service company, with the titles of their people. */
export const USING_TEAMS: Record<string, readonly string[]> = {
  Operations: ['Operations Director', 'Head of Field Operations', 'Operations Analyst'],
  Dispatch: ['Dispatch Manager', 'Senior Dispatcher', 'Scheduler'],
  'Field Service': ['Service Manager', 'Lead Technician', 'Field Supervisor'],
  Maintenance: ['Maintenance Planner', 'Maintenance Manager'],
};
/** Teams that a portfolio's customers have but that do not use the product yet. */
export const OTHER_TEAMS = words('Warehouse, Projects, Installations, Customer Care, Compliance');
export const BUYER_TITLES = ['Finance Director', 'CFO', 'Managing Director', 'COO'];

/** Signal details that name no need the catalog addresses. */
export const NEUTRAL_TEXTS: readonly (readonly [
  kind: 'initiative' | 'leadership_hire',
  text: string,
])[] = [
  ['initiative', 'Targeting a higher first-time fix rate this year'],
  ['initiative', 'Rebranding the service vans in spring'],
  ['initiative', 'Consolidating two depots into one'],
  ['initiative', 'Annual kickoff moved to March'],
  ['leadership_hire', 'Hired a new COO from a logistics firm'],
  ['leadership_hire', 'New head of service joined in the autumn'],
];

/** Support themes about learning the product: an enablement or support need, not a risk. */
export const HOW_TO_THEMES = [
  'how-to: job templates',
  'onboarding new technicians',
  'configuration of work order statuses',
  'permissions for subcontractors',
  'training request for dispatchers',
  'report filters question',
  'password resets',
];
/** Support themes about the product failing: a retention risk. */
export const RISK_THEMES = [
  'outage during morning dispatch',
  'data loss after mobile upload',
  'bug: duplicated work orders',
  'app crashes when closing jobs',
  'service down for two hours',
];

/** Planted needs, by module key: the account's own words for what the module solves. */
export const NEED_TEXTS: Record<string, readonly string[]> = {
  'fleet-gps': [
    'Technicians fill in mileage sheets by hand every Friday',
    'Fuel logs are kept on paper in each van',
    'Plan to add vehicle tracking before winter',
  ],
  stockroom: [
    'Van stock is reconciled in a spreadsheet every month',
    'Jobs slip because of parts shortages',
    'Stock counts are done on clipboards at each depot',
  ],
  'ledger-link': [
    'Office staff re-key every invoice into QuickBooks',
    'Invoice re-keying takes two days at month end',
    'Jobs are exported to Xero by hand each week',
  ],
  'permit-pack': [
    'Hot work permit forms are scanned and emailed',
    'Incident reports are collected on paper forms',
    'Preparing the OSHA log for an external review',
  ],
  'client-hub': [
    'Dispatchers take calls for updates from customers all day',
    'Booking requests arrive by email and phone',
    'Customers keep asking for appointment reminders',
  ],
};
/** A competing product in use for a module's job (a displacement, not dissatisfaction). */
export const COMPETITOR_TEXTS: Record<string, string> = {
  'fleet-gps': 'Runs Samsara for vehicle tracking alongside us',
  stockroom: 'Stores team pays for Sortly to manage spare parts',
  'ledger-link': 'Uses a Zapier flow to push billing export files',
  'client-hub': 'Uses Calendly for booking requests',
};

export const ACQUIRED = words(
  'Northgate Heating, Pennine Electrical, Bayside Lifts, Oakfield Pumps',
);
export const NEW_OFFICES = words('Leeds, Rotterdam, Brisbane, Calgary, Denver, Leipzig');
