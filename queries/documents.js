// documents: the articles in the graph with headline, date, publisher and source.
g.V(sdo("NewsArticle")).In(TYPE).Unique()
  .Save(sdo("identifier"), "doc_id")
  .SaveOpt(HEADLINE, "headline")
  .SaveOpt(sdo("datePublished"), "date")
  .SaveOpt(sdo("publisher"), "publisher")
  .SaveOpt(fg("source"), "source")
  .All();
