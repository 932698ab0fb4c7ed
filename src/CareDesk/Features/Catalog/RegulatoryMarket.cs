using System.ComponentModel.DataAnnotations;
using CareDesk.Platform.Api;

namespace CareDesk.Features.Catalog;

/// <param name="RegistrationNumber">China only: the registration certificate number (注册证编号) NMPA's report names.</param>
public sealed record RegulatoryMarket(
    [property: Required, MaxLength(2)] string Market,
    bool? Sold,
    bool? Ivd,
    [property: MaxLength(8)] string? Regulation,
    [property: MaxLength(16), SingleLineText] string? DeviceClass,
    [property: MaxLength(8), SingleLineText] string? ProductCode,
    bool? InnovativeFirstCycle,
    [property: MaxLength(64), SingleLineText] string? RegistrationNumber = null);
