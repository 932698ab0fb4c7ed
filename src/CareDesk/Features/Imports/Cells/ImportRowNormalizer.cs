using CareDesk.Features.Imports.Reading;
namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// Turns one mapped row (field name → cell, see <see cref="ImportField"/>) into a <see cref="NormalizedRow"/> or the
/// list of its problems. Every cell is checked, so the distributor gets every problem of the row at once.
/// </summary>
/// <remarks>
/// The row's country, else the import's default region, is the region its phones are read in. A row with neither
/// mobile nor phone gets one <see cref="CellReason.NoPhone"/> problem, reported on the <c>mobile</c> field with an
/// empty raw; a row without a name, <see cref="CellReason.Missing"/> on <c>name</c>. Fields the mapping does not know
/// are ignored (the mapping decides what a column means, not this class). Free-text limits: province and city
/// 50 characters, address 200, model 100, serial 64, remark 500 (<see cref="CellReason.TooLong"/>).
/// </remarks>
public sealed class ImportRowNormalizer(PhoneCell phones, DateCell dates)
{
    public RowNormalization Normalize(IReadOnlyDictionary<string, CellValue> row, string defaultRegion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRegion);
        var problems = new List<CellProblem>();

        CellValue Cell(string field) => row.TryGetValue(field, out var cell) ? cell : CellValue.Empty;

        T? Take<T>(string field, CellResult<T> result)
        {
            if (result.Problem is { } reason)
            {
                problems.Add(new CellProblem(field, reason, Cell(field).Raw));
            }

            return result.Value;
        }

        var name = NameCell.Parse(Cell(ImportField.Name));
        if (name.IsBlank)
        {
            name = CellReason.Missing;
        }

        var nameValue = Take(ImportField.Name, name);
        var gender = Take(ImportField.Gender, GenderCell.Parse(Cell(ImportField.Gender)));
        var dateOfBirth = Nullable(Take(ImportField.DateOfBirth, Present(dates.Parse(Cell(ImportField.DateOfBirth), DateKind.Birth))));

        var country = CountryCell.Parse(Cell(ImportField.Country));
        var countryValue = Take(ImportField.Country, country);
        // An unknown country is already a problem; the phones are still checked (with the default) so that the
        // report lists their problems too.
        var region = countryValue ?? defaultRegion;

        var mobile = phones.Parse(Cell(ImportField.Mobile), region);
        var phone = phones.Parse(Cell(ImportField.Phone), region);
        var mobileValue = Take(ImportField.Mobile, mobile) ?? [];
        var phoneValue = Take(ImportField.Phone, phone) ?? [];
        if (mobile.IsBlank && phone.IsBlank)
        {
            problems.Add(new CellProblem(ImportField.Mobile, CellReason.NoPhone, ""));
        }

        var province = Take(ImportField.Province, TextCell.FreeText(Cell(ImportField.Province), 50));
        var city = Take(ImportField.City, TextCell.FreeText(Cell(ImportField.City), 50));
        var address = Take(ImportField.Address, TextCell.FreeText(Cell(ImportField.Address), 200));
        var purchaseDate = Nullable(Take(ImportField.PurchaseDate, Present(dates.Parse(Cell(ImportField.PurchaseDate), DateKind.Purchase))));
        var model = Take(ImportField.Model, TextCell.FreeText(Cell(ImportField.Model), 100));
        var serial = Take(ImportField.Serial, TextCell.FreeText(Cell(ImportField.Serial), 64));
        var remark = Take(ImportField.Remark, TextCell.FreeText(Cell(ImportField.Remark), 500));

        if (problems.Count > 0)
        {
            return new RowNormalization(null, problems);
        }

        return new RowNormalization(
            new NormalizedRow(nameValue!, gender, dateOfBirth, mobileValue, phoneValue, province, city, address, countryValue, purchaseDate, model, serial, remark),
            []);
    }

    // DateOnly is a struct: keep "no date" apart from 0001-01-01.
    private static CellResult<DateOnly?> Present(CellResult<DateOnly> result) =>
        result.HasValue ? CellResult<DateOnly?>.Of(result.Value) : result.Problem is { } problem ? problem : CellResult<DateOnly?>.Blank;

    private static DateOnly? Nullable(DateOnly? date) => date;
}
