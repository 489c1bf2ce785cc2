// factgraph prelude: IRIs of the graph's vocabulary, prepended to every
// canned query. Paste it into the Cayley UI to use the same names.
var FG = "https://factgraph.github.io/ns#";
var SCHEMA = "http://schema.org/";
var RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
function fg(n) { return "<" + FG + n + ">"; }
function sdo(n) { return "<" + SCHEMA + n + ">"; }
function rdf(n) { return "<" + RDF + n + ">"; }
var NAME = sdo("name"), ALT = sdo("alternateName"), HEADLINE = sdo("headline");
var TYPE = rdf("type"), SUBJ = rdf("subject"), PRED = rdf("predicate"), OBJ = rdf("object");
var SOURCE = "<http://www.w3.org/ns/prov#wasDerivedFrom>";
// entity returns the path to the entities called name (canonical name or alias).
function entity(name) { return g.V(name).In([NAME, ALT]).Has(TYPE, fg("Entity")).Unique(); }
// isEntity reports whether a result value is an entity IRI.
var ENTITY_PREFIX = "<https://factgraph.github.io/entity/";
function isEntity(v) { return typeof v === "string" && v.indexOf(ENTITY_PREFIX) === 0; }
// nameOf returns a node's display name, or the node itself.
function nameOf(node) {
  if (typeof node !== "string" || node.charAt(0) !== "<") { return node; }
  var n = g.V(node).Out(NAME).ToValue();
  return n ? n : node;
}
