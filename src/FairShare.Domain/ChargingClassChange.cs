namespace FairShare.Domain;

/// <summary>The value-for-money panel's decision that an offering is charged in a class from the first day of a period.</summary>
public sealed class ChargingClassChange : ITenantOwned
{
    private ChargingClassChange() { }

    internal ChargingClassChange(Offering offering, ChargingClass chargingClass, DateOnly effectiveFrom)
    {
        Offering = offering;
        Authority = offering.Authority;
        AuthorityId = offering.AuthorityId;
        ChargingClass = chargingClass;
        EffectiveFrom = effectiveFrom;
    }

    public int Id { get; private set; }
    public int AuthorityId { get; private set; }
    public Authority Authority { get; private set; } = null!;
    public int OfferingId { get; private set; }
    public Offering Offering { get; private set; } = null!;
    public ChargingClass ChargingClass { get; private set; }

    /// <summary>Always the first day of an accounting period.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    internal void Change(ChargingClass chargingClass) => ChargingClass = chargingClass;
}
