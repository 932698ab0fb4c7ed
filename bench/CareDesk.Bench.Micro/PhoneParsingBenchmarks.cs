using BenchmarkDotNet.Attributes;
using CareDesk.Features.People;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace CareDesk.Bench.Micro;

/// <summary>
/// What reading a typed number costs on the caller lookup's path: CareDesk's parser (normalize, parse, validate,
/// format E.164) for the formats the load test sends, against libphonenumber's parse alone.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PhoneParsingBenchmarks
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private readonly PhoneNumberParser parser = new(Options.Create(new PeopleOptions()));

    [Params("+8613812345678", "138 1234 5678", "0086 138 1234 5678", "１３８１２３４５６７８", "(0755) 1234 5678")]
    public string Typed { get; set; } = "";

    [Benchmark(Baseline = true)]
    public string? CareDeskParser() => parser.TryParse(Typed)?.E164;

    [Benchmark]
    public PhoneNumber LibPhoneNumberParseOnly() => Util.Parse(Typed, "CN");
}
