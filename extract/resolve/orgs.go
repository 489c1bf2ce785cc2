package resolve

// mergeOrgs is implemented in orgs.go.
func (d *doc) mergeOrgs() {}
