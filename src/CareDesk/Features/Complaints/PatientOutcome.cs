namespace CareDesk.Features.Complaints;

/// <summary>
/// What became of the patient: the outcome terms of ICH E2B(R3) (recovered, recovering, not recovered, recovered with
/// sequelae, fatal, unknown), with "no health effect" first, as most device complaints have none.
/// </summary>
public enum PatientOutcome
{
    Unknown,
    NoHealthEffect,
    Recovered,
    Recovering,
    NotRecovered,
    RecoveredWithSequelae,
    Fatal,
}
