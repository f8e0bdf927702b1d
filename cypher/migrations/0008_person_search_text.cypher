// Persons' search text now holds the family-first order of their names and
// their date of birth in both written forms (keyline.Describe). Persons
// written before are re-described by this migration's Go step (dataSteps:
// redescribePersons, a page of persons at a time). No schema statement.
