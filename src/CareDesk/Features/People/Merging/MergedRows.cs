namespace CareDesk.Features.People.Merging;
