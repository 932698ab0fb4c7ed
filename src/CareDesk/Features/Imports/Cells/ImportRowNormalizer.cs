namespace CareDesk.Features.Imports.Cells;

/// <summary>
/// Turns one mapped row (field name → cell, see <see cref="ImportFields"/>) into a <see cref="NormalizedRow"/> or the
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

        var name = NameCell.Parse(Cell(ImportFields.Name));
        if (name.IsBlank)
        {
            name = CellReason.Missing;
        }

        var nameValue = Take(ImportFields.Name, name);
        var gender = Take(ImportFields.Gender, GenderCell.Parse(Cell(ImportFields.Gender)));
        var dateOfBirth = Nullable(Take(ImportFields.DateOfBirth, Present(dates.Parse(Cell(ImportFields.DateOfBirth), DateKind.Birth))));

        var country = CountryCell.Parse(Cell(ImportFields.Country));
        var countryValue = Take(ImportFields.Country, country);
        // An unknown country is already a problem; the phones are still checked (with the default) so that the
        // report lists their problems too.
        var region = countryValue ?? defaultRegion;

        var mobile = phones.Parse(Cell(ImportFields.Mobile), region);
        var phone = phones.Parse(Cell(ImportFields.Phone), region);
        var mobileValue = Take(ImportFields.Mobile, mobile) ?? [];
        var phoneValue = Take(ImportFields.Phone, phone) ?? [];
        if (mobile.IsBlank && phone.IsBlank)
        {
            problems.Add(new CellProblem(ImportFields.Mobile, CellReason.NoPhone, ""));
        }

        var province = Take(ImportFields.Province, TextCell.FreeText(Cell(ImportFields.Province), 50));
        var city = Take(ImportFields.City, TextCell.FreeText(Cell(ImportFields.City), 50));
        var address = Take(ImportFields.Address, TextCell.FreeText(Cell(ImportFields.Address), 200));
        var purchaseDate = Nullable(Take(ImportFields.PurchaseDate, Present(dates.Parse(Cell(ImportFields.PurchaseDate), DateKind.Purchase))));
        var model = Take(ImportFields.Model, TextCell.FreeText(Cell(ImportFields.Model), 100));
        var serial = Take(ImportFields.Serial, TextCell.FreeText(Cell(ImportFields.Serial), 64));
        var remark = Take(ImportFields.Remark, TextCell.FreeText(Cell(ImportFields.Remark), 500));

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
