namespace CareDesk.Features.Imports.Reading;

public enum DistributorFileKind
{
    Csv,
    Xlsx,
}
