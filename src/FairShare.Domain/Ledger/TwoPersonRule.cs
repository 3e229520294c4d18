namespace FairShare.Domain.Ledger;

/// <summary>Who prepared a dry run, and what it came to (a digest of its figures), as the two-person rule needs it.</summary>
public sealed record PreparedDryRun(string PreparedById, string PreparedBy, DateTimeOffset PreparedAt, string Figures);

/// <summary>What a person is about to do to a period's journals under the rule.</summary>
public enum TwoPersonStep
{
    Post,
    Reverse,
    Close,
}

/// <summary>
/// Journal authorisation by two people, when an authority requires it (<see cref="Authority.RequiresTwoPeople"/>):
/// one person prepares the run (its dry run) and someone else posts it, and the one who prepared it may not reverse
/// it or close its period either. Posting also needs the figures to be the ones the dry run showed: the second person
/// approves what the first prepared, not what the data has become since. Pure; the use cases load and ask.
/// </summary>
public static class TwoPersonRule
{
    /// <summary>
    /// The dry run a post rests on, of those recorded for the period (oldest first): the latest by someone else with
    /// the figures as they are now; else the latest by someone else; else the latest. A second person who runs their
    /// own dry run to review the figures does not thereby become the one who prepared them.
    /// </summary>
    public static PreparedDryRun? RestsOn(IReadOnlyList<PreparedDryRun> dryRuns, string actorId, string figures)
    {
        ArgumentNullException.ThrowIfNull(dryRuns);
        return dryRuns.LastOrDefault(d => d.PreparedById != actorId && d.Figures == figures)
            ?? dryRuns.LastOrDefault(d => d.PreparedById != actorId)
            ?? (dryRuns.Count > 0 ? dryRuns[^1] : null);
    }

    /// <param name="required">The authority's setting.</param>
    /// <param name="step">Post, reverse or close.</param>
    /// <param name="period">The period, as people write it (2026-05).</param>
    /// <param name="actorId">Who is about to do it.</param>
    /// <param name="prepared">The dry run it rests on: the latest for the period when posting; the run's own when reversing or closing (null: none recorded).</param>
    /// <param name="figures">Posting: the digest of the figures as they are now, to compare with the dry run's.</param>
    /// <returns>Null when allowed; otherwise the refusal, in a sentence.</returns>
    public static DomainError? Refusal(bool required, TwoPersonStep step, string period, string actorId, PreparedDryRun? prepared, string? figures = null)
    {
        ArgumentNullException.ThrowIfNull(actorId);
        if (!required)
        {
            return null;
        }
        var verb = step switch { TwoPersonStep.Post => "post", TwoPersonStep.Reverse => "reverse", _ => "close" };
        if (prepared is null)
        {
            return step == TwoPersonStep.Post
                ? new DomainError("period", $"This authority requires two people: someone must prepare a dry run of {period} before someone else posts it.")
                : null; // a run posted before the rule was on rests on no recorded dry run
        }
        if (prepared.PreparedById == actorId)
        {
            return new DomainError("period", $"This authority requires two people: you prepared the dry run of {period}, so someone else must {verb} it.");
        }
        if (step == TwoPersonStep.Post && figures != prepared.Figures)
        {
            return new DomainError("period", $"The figures for {period} have changed since {prepared.PreparedBy}'s dry run; a new dry run must be prepared and checked first.");
        }
        return null;
    }
}
