import { composeQuery, parseQuery, getField, isQueryValid } from '@jetstreamapp/soql-parser-js';
const parsed = parseQuery("SELECT Id FROM Account WHERE Type IN ('Customer', 'Trial') OR Name LIKE 'x%'");
console.log(JSON.stringify(parsed.where));
const q = composeQuery({
  fields: ['Id', 'Name', 'Owner.Name'].map((f) => getField(f)),
  sObject: 'Account',
  where: { left: { field: 'SystemModstamp', operator: '>=', value: '2026-01-01T00:00:00.000Z', literalType: 'DATETIME', openParen: 0 }, operator: 'AND', right: { ...parsed.where!, left: { ...parsed.where!.left, openParen: 1 } } as any },
});
console.log(q);
console.log(isQueryValid("SELECT Id FROM Account WHERE Type = 'x' AND"));
try { parseQuery("SELECT Id FROM Account WHERE Type = "); } catch (e) { console.log((e as Error).message); }
console.log(composeQuery({fields:[getField('Id')], sObject:'Account', where:{left:{field:'Name', operator:'=', value:"O'Brien", literalType:'STRING'}}}));
