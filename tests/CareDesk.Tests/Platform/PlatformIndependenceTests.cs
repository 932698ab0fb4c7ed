using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using CareDesk.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace CareDesk.Tests.Platform;

/// <summary>
/// Platform offers mechanisms and knows no feature (docs/architecture.md, "How a feature registers itself"): a feature
/// registers its own options, seeders, jobs, interceptors and live channels. These fail when Platform names a feature
/// again, in its source or in its compiled code.
/// </summary>
public sealed class PlatformIndependenceTests
{
    private const string FeaturesNamespace = "CareDesk.Features";

    private static readonly string Source = Path.Combine(ResourceParityTests.RepositoryRoot(), "src", "CareDesk");

    [Fact]
    public void No_platform_source_file_names_a_feature()
    {
        var features = Directory.GetDirectories(Path.Combine(Source, "Features")).Select(Path.GetFileName).ToList();
        Assert.NotEmpty(features);
        // "using CareDesk.Features.Cases;", "Features.Cases.Case", "@using CareDesk.Features…" in a page.
        var namesAFeature = new Regex($@"\bCareDesk\.Features\.[A-Z]|\bFeatures\.({string.Join('|', features)})\b");

        var offending = Directory.EnumerateFiles(Path.Combine(Source, "Platform"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line.Trim())))
            .Where(l => namesAFeature.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(Source, l.File)}:{l.Line}: {l.Text}")
            .ToList();

        Assert.True(offending.Count == 0, "Platform names a feature; let the feature register itself instead:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void No_platform_type_refers_to_a_feature_type()
    {
        var platformTypes = typeof(CareDeskDbContext).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("CareDesk.Platform", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Contains(typeof(CareDeskDbContext), platformTypes);

        var offending = platformTypes.SelectMany(References).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(offending.Count == 0, "Platform code refers to a feature's type:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void The_reference_check_sees_a_platform_call_into_a_feature()
    {
        // The check itself: this test class calls a feature's method, and the IL reader must see it.
        var method = typeof(PlatformIndependenceTests).GetMethod(nameof(CallsAFeature), BindingFlags.NonPublic | BindingFlags.Static)!;

        Assert.Contains(MembersCalled(method), m => m.DeclaringType == typeof(CareDesk.Features.Cases.CaseTerms));
    }

    private static string CallsAFeature() => CareDesk.Features.Cases.CaseTerms.Of(CareDesk.Features.Cases.CaseStatus.New);

    private static IEnumerable<string> References(Type type)
    {
        const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var name = type.FullName ?? type.Name;

        foreach (var inherited in new[] { type.BaseType }.Concat(type.GetInterfaces()).OfType<Type>().Where(IsFeature))
        {
            yield return $"{name} inherits {inherited}";
        }

        foreach (var field in type.GetFields(declared).Where(f => IsFeature(f.FieldType)))
        {
            yield return $"{name}.{field.Name} is a {field.FieldType}";
        }

        foreach (var property in type.GetProperties(declared).Where(p => IsFeature(p.PropertyType) && !IsFeatureTableSet(p)))
        {
            yield return $"{name}.{property.Name} is a {property.PropertyType}";
        }

        foreach (var method in type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
        {
            if (IsFeatureTableSetGetter(method))
            {
                continue;
            }

            var signature = method.GetParameters().Select(p => p.ParameterType)
                .Concat(method is MethodInfo info ? [info.ReturnType] : [])
                .Concat(method.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []);
            foreach (var used in signature.Where(IsFeature))
            {
                yield return $"{name}.{method.Name} uses {used}";
            }

            foreach (var member in MembersCalled(method).Where(RefersToAFeature))
            {
                yield return $"{name}.{method.Name} refers to {member.DeclaringType?.FullName ?? member.ToString()}.{member.Name}";
            }
        }
    }

    private static bool RefersToAFeature(MemberInfo member) => member switch
    {
        Type type => IsFeature(type),
        MethodInfo { IsGenericMethod: true } generic when generic.GetGenericArguments().Any(IsFeature) => true,
        _ => IsFeature(member.DeclaringType),
    };

    // Each feature declares the sets of its own tables on the one context (docs/adr/0005), in its own folder.
    private static bool IsFeatureTableSet(PropertyInfo property) =>
        property.DeclaringType == typeof(CareDeskDbContext)
        && property.PropertyType.IsGenericType
        && property.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>);

    private static bool IsFeatureTableSetGetter(MethodBase method) =>
        method.IsSpecialName
        && method.DeclaringType == typeof(CareDeskDbContext)
        && typeof(CareDeskDbContext).GetProperties().Any(p => p.GetMethod == method && IsFeatureTableSet(p));

    private static bool IsFeature(Type? type) =>
        type is not null
        && !type.IsGenericParameter
        && (type.Namespace?.StartsWith(FeaturesNamespace, StringComparison.Ordinal) == true
            || (type.HasElementType && IsFeature(type.GetElementType()))
            || (type.IsGenericType && type.GetGenericArguments().Any(IsFeature)));

    /// <summary>The fields, methods and types a method's IL refers to (calls, field reads and writes, casts, new objects).</summary>
    private static IEnumerable<MemberInfo> MembersCalled(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var position = 0;
        while (position < il.Length)
        {
            var code = il[position] == 0xFE ? TwoByte[il[position + 1]] : OneByte[il[position]];
            position += code.Size;
            var operand = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok
                && Resolve(method, BitConverter.ToInt32(il, position)) is { } member)
            {
                yield return member;
            }

            position += operand;
        }
    }

    private static MemberInfo? Resolve(MethodBase method, int token)
    {
        try
        {
            var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            return method.Module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null; // a token of another kind (a string's): not a member
        }
    }

    private static readonly OpCode[] OneByte = OpCodesByValue(small: true);
    private static readonly OpCode[] TwoByte = OpCodesByValue(small: false);

    private static OpCode[] OpCodesByValue(bool small)
    {
        var codes = new OpCode[256];
        foreach (var code in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!))
        {
            if (code.Size == 1 && small)
            {
                codes[(byte)code.Value] = code;
            }
            else if (code.Size == 2 && !small)
            {
                codes[(byte)(code.Value & 0xFF)] = code;
            }
        }

        return codes;
    }
}
