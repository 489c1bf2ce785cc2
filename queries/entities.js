// entities: every entity with its type and canonical name.
// params: type (optional) — PERSON, ORG, GPE, LOC, NORP, …
var p = g.V().Has(fg("entityType"));
if (params.type) { p = g.V(params.type).In(fg("entityType")); }
p.Save(fg("entityType"), "type").Save(NAME, "name").All();
