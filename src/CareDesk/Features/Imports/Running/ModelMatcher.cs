using System.Globalization;
using System.Text;
using CareDesk.Features.Catalog;

namespace CareDesk.Features.Imports.Running;

/// <summary>
/// The catalog product a distributor's model column names: its English or Chinese name, a model number or an alias,
/// compared without case, spaces or punctuation other than "+" (NFKC). A text that names no product, or several (a bare brand
/// such as 罗氏血糖仪), names none: the row keeps the text and registers no device.
/// </summary>
public sealed class ModelMatcher
{
    private readonly Dictionary<string, string?> _modelByKey = new(StringComparer.Ordinal);

    public ModelMatcher(IEnumerable<ProductModel> models)
    {
        foreach (var model in models)
        {
            foreach (var text in model.ModelNumbers.Concat(model.Aliases).Append(model.NameEn).Append(model.NameZh))
            {
                if (Key(text) is { Length: > 0 } key)
                {
                    // A text two products share names neither.
                    _modelByKey[key] = _modelByKey.TryGetValue(key, out var other) && other != model.Id ? null : model.Id;
                }
            }
        }
    }

    public string? Match(string? text) => Key(text) is { Length: > 0 } key ? _modelByKey.GetValueOrDefault(key) : null;

    internal static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var compatible = text.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(compatible.Length);
        foreach (var character in compatible)
        {
            // "+" tells look-alikes apart (安稳 and 安稳+ take different strips): it is kept.
            if (char.IsLetterOrDigit(character) || character == '+')
            {
                key.Append(char.ToLower(character, CultureInfo.InvariantCulture));
            }
        }

        return key.ToString();
    }
}
