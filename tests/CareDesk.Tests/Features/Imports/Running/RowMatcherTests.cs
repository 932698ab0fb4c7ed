using CareDesk.Features.Catalog;
using CareDesk.Features.Imports;
using CareDesk.Features.Imports.Running;

namespace CareDesk.Tests.Features.Imports.Running;

public sealed class RowMatcherTests
{
    private const string Mobile = "+8613912345678";
    private const string OtherMobile = "+8613987654321";
    private const string Landline = "+862161234567";

    [Theory]
    [InlineData("女儿手机")]
    [InlineData("电话是儿子的")]
    [InlineData("联系人：老伴，号码同上")]
    [InlineData("Daughter's phone")]
    [InlineData("mobile belongs to his wife")]
    public void A_remark_naming_a_relative_and_a_phone_says_the_number_is_a_family_members(string remark) =>
        Assert.True(RowMatcher.SaysFamilyPhone(remark));

    [Theory]
    [InlineData(null)]
    [InlineData("老客户")]
    [InlineData("女儿陪同来店")]
    [InlineData("手机已验证")]
    [InlineData("prefers morning calls")]
    public void Other_remarks_say_nothing_about_whose_number_it_is(string? remark) =>
        Assert.False(RowMatcher.SaysFamilyPhone(remark));

    [Theory]
    [InlineData("王芳", MatchBasis.Exact)]
    [InlineData("Wang Fang", MatchBasis.PhonePinyin)]
    [InlineData("Fang Wang", MatchBasis.PhonePinyin)]
    public void A_shared_phone_and_an_equivalent_name_is_the_same_person(string name, string basis)
    {
        var index = new PersonIndex();
        var known = Known(index, "王芳", new DateOnly(1980, 3, 5), Mobile);

        var match = RowMatcher.Match(index, name, null, [Mobile], new HashSet<string> { Mobile }, null);

        Assert.Same(known, match.Person);
        Assert.Equal(basis, match.Basis);
        Assert.Equal(PhoneFate.Known, Assert.Single(match.Phones).Fate);
    }

    [Fact]
    public void A_shared_phone_with_another_date_of_birth_is_not_the_same_person()
    {
        var index = new PersonIndex();
        var father = Known(index, "王建国", new DateOnly(1950, 1, 1), Mobile);

        var match = RowMatcher.Match(index, "王建国", new DateOnly(1978, 6, 1), [Mobile], new HashSet<string> { Mobile }, null);

        Assert.Null(match.Person);
        Assert.Equal((PhoneFate.Caregiver, father), (match.Phones[0].Fate, match.Phones[0].Owner));
    }

    [Fact]
    public void The_same_name_and_date_of_birth_with_a_new_phone_is_the_same_person_for_review()
    {
        var index = new PersonIndex();
        var known = Known(index, "李娜", new DateOnly(1982, 2, 2), Mobile);

        var match = RowMatcher.Match(index, "李娜", new DateOnly(1982, 2, 2), [OtherMobile], new HashSet<string> { OtherMobile }, null);

        Assert.Same(known, match.Person);
        Assert.True(match.ForReview);
        Assert.Equal(PhoneFate.Own, match.Phones[0].Fate);
    }

    [Fact]
    public void Namesakes_with_other_births_and_phones_stay_apart()
    {
        var index = new PersonIndex();
        Known(index, "王伟", new DateOnly(1990, 1, 1), Mobile);

        Assert.Null(RowMatcher.Match(index, "王伟", new DateOnly(1985, 5, 5), [OtherMobile], new HashSet<string> { OtherMobile }, null).Person);
    }

    [Fact]
    public void A_landline_another_name_holds_is_shared_and_a_mobile_makes_its_holder_the_caregiver()
    {
        var index = new PersonIndex();
        var daughter = Known(index, "张丽", null, Mobile, Landline);

        var match = RowMatcher.Match(index, "张国强", null, [Mobile, Landline], new HashSet<string> { Mobile }, null);

        Assert.Null(match.Person);
        Assert.Equal((PhoneFate.Caregiver, daughter), (match.Phones[0].Fate, match.Phones[0].Owner));
        Assert.Equal(PhoneFate.SharedLandline, match.Phones[1].Fate);
    }

    [Fact]
    public void A_number_the_remark_gives_as_a_relatives_is_never_evidence_and_its_owner_becomes_the_caregiver_later()
    {
        var index = new PersonIndex();
        // 王芳 with her daughter's mobile: even her own name on that number would not match through it.
        var first = RowMatcher.Match(index, "王芳", null, [Mobile], new HashSet<string> { Mobile }, "女儿手机");
        Assert.Equal(PhoneFate.Family, first.Phones[0].Fate);
        var mother = index.Add(new KnownPerson(Guid.NewGuid(), "王芳", null, existedBefore: false));
        index.AddFamilyPhone(mother, Mobile);

        var daughter = RowMatcher.Match(index, "李小红", null, [Mobile], new HashSet<string> { Mobile }, null);

        Assert.Null(daughter.Person);
        Assert.Equal(PhoneFate.Own, daughter.Phones[0].Fate);
        Assert.Equal([mother], daughter.Phones[0].CaredFor!);
    }

    [Fact]
    public void A_model_text_two_products_share_names_neither()
    {
        var models = new ModelMatcher([Model("a", "Meter A", "安稳血糖仪", ["罗氏血糖仪"]), Model("b", "Meter B", "安稳+血糖仪", ["罗氏血糖仪"])]);

        Assert.Equal("a", models.Match("安稳 血糖仪"));
        Assert.Equal("b", models.Match("ＭＥＴＥＲ-b"));
        Assert.Null(models.Match("罗氏血糖仪"));
        Assert.Null(models.Match("unknown"));
    }

    private static KnownPerson Known(PersonIndex index, string name, DateOnly? born, params string[] phones)
    {
        var person = new KnownPerson(Guid.NewGuid(), name, born, existedBefore: true);
        person.OwnPhones.UnionWith(phones);
        return index.Add(person);
    }

    private static ProductModel Model(string id, string en, string zh, List<string> aliases) =>
        new() { Id = id, ManufacturerId = "m", Category = "meter", NameEn = en, NameZh = zh, Aliases = aliases };
}
