using System.Globalization;
using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.AspNetCore.Identity;

namespace FairShare.Features.Access;

public sealed record ChangeOwnPasswordRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

/// <summary>
/// A person signed in changes their own local password, giving the current one. Every other session of theirs ends
/// (the host signs this one in again). A token or the command line is not a person and has no password here.
/// </summary>
public sealed class ChangeOwnPassword(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public async Task<Outcome<Done>> HandleAsync(ChangeOwnPasswordRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = tenants.Actor;
        var user = actor.Via == "web" && int.TryParse(actor.Id, CultureInfo.InvariantCulture, out var id)
            ? await People.FindAsync(db, tenants, id, cancellationToken) : null;
        if (user is null)
        {
            return Outcome<Done>.Forbidden($"{actor.Name} is not a person signed in, so has no password of their own to change.");
        }
        if (user.PasswordHash is null)
        {
            return Outcome<Done>.Refused("Your account signs in through the council's identity provider and has no FairShare password; change your password there.", "currentPassword");
        }
        var hasher = Passwords.NewHasher();
        var errors = new List<DomainError>();
        if (string.IsNullOrEmpty(request.CurrentPassword) || hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            errors.Add(new DomainError("currentPassword", "is not your current password."));
        }
        errors.AddRange(People.NewPassword(request.NewPassword, "newPassword"));
        if (!errors.Any(e => e.Field == "newPassword") && !string.Equals(request.NewPassword, request.ConfirmPassword, StringComparison.Ordinal))
        {
            errors.Add(new DomainError("confirmPassword", "does not match the new password."));
        }
        if (errors.Count > 0)
        {
            return Outcome<Done>.Invalid(errors);
        }
        user.PasswordHash = hasher.HashPassword(user, request.NewPassword!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.CancelPasswordReset();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        audit.Record("user.password-change", nameof(UserAccount), user.Id, null, new { user.Email });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Done("Your password has been changed. Any other browser you were signed in on has been signed out.");
    }
}
