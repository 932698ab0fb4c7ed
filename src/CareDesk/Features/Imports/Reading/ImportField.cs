namespace CareDesk.Features.Imports.Reading;

/// <summary>What a column means, whatever its header says: the <c>field</c> of the validation report.</summary>
public static class ImportField
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

    public static IReadOnlyList<string> All { get; } =
        [Name, Gender, DateOfBirth, Mobile, Phone, Province, City, Address, Country, PurchaseDate, Model, Serial, Remark];
}
