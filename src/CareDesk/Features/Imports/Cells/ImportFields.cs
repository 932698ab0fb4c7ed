namespace CareDesk.Features.Imports.Cells;

/// <summary>The fields a mapped column can mean, whatever its header said (the names of the validation report).</summary>
public static class ImportFields
{
    public const string Name = "name";
    public const string Gender = "gender";
    public const string DateOfBirth = "dob";
    public const string Mobile = "mobile";
    public const string Phone = "phone";
    public const string Province = "province";
    public const string City = "city";
    public const string Address = "address";
    public const string Country = "country";
    public const string PurchaseDate = "purchaseDate";
    public const string Model = "model";
    public const string Serial = "serial";
    public const string Remark = "remark";
}
