namespace FairShare.Domain.Ledger;

/// <summary>Sums of postings, as the recharge run and its checks need them. Debits are positive.</summary>
public static class Balances
{
    /// <summary>
    /// Each cost centre's net cost: the sum of its postings on every account that counts towards cost (all
    /// but clearing and control accounts). Cost centres whose postings net to zero are kept, with 0.00.
    /// </summary>
    public static IReadOnlyDictionary<int, Money> NetCostByCostCentre(IEnumerable<Posting> postings)
    {
        ArgumentNullException.ThrowIfNull(postings);
        var totals = new Dictionary<int, long>();
        foreach (var p in postings)
        {
            if (ChartOfAccounts.CountsTowardsCost(p.AccountCode))
            {
                totals[p.CostCentreId] = checked(totals.GetValueOrDefault(p.CostCentreId) + p.Amount.Pence);
            }
        }
        return totals.ToDictionary(kv => kv.Key, kv => new Money(kv.Value));
    }

    /// <summary>The balance of each account code over all cost centres (clearing accounts included).</summary>
    public static IReadOnlyDictionary<string, Money> ByAccount(IEnumerable<Posting> postings)
    {
        ArgumentNullException.ThrowIfNull(postings);
        return postings.GroupBy(p => p.AccountCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Money(g.Sum(p => p.Amount.Pence)), StringComparer.Ordinal);
    }

    /// <summary>The authority's total cost: every cost centre's net cost added up. Internal recharging never changes it.</summary>
    public static Money TotalCost(IEnumerable<Posting> postings) =>
        new(NetCostByCostCentre(postings).Values.Sum(m => m.Pence));
}
