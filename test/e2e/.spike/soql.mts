import { parseQuery } from '@jetstreamapp/soql-parser-js';
import { buildQuery } from '/work/main/connectors/salesforce/soql.ts';
const q = buildQuery({ object: 'Account', fields: ['Name','Owner.Name'], where: "Type IN ('Customer', 'Trial') AND X != null", modifiedSince: new Date() });
console.log(q);
console.log(JSON.stringify(parseQuery(q), null, 1));
console.log(JSON.stringify(parseQuery(buildQuery({object:'Account', fields:[], deletedOnly:true, modifiedSince: new Date()})).where));
