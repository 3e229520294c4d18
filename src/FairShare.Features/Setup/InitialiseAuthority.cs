using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Access;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Setup;

/// <summary>
/// A new authority and its first administrator. <paramref name="Password"/> is for local sign-in (at least
/// <see cref="AddUser.MinimumPasswordLength"/> characters); null when the administrator signs in through the
/// council's identity provider. <paramref name="OnlyWhenEmpty"/>: refused unless the database holds no authority at
/// all (the first-run page; the command line may add a second council beside the first).
/// </summary>
public sealed record InitialiseAuthorityRequest(
    string Name, string Code, int? YearStartMonth, string AdminEmail, string AdminName, string? Password, bool OnlyWhenEmpty = false, string Via = "cli");

public sealed record InitialisedAuthority(int AuthorityId, string Code, string Name, int YearStartMonth, string AdminEmail, bool LocalPassword, string Message);

/// <summary>
/// Starts a council without the demo: creates the authority (name, code, first month of its financial year) and its
/// first administrator, in one transaction, audited as the authority's first entry. There is no API for it: no one
/// holds an API token before the authority exists. The first-run page (/setup) and <c>fairshare init</c> call it.
/// </summary>
public sealed class InitialiseAuthority(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public const int MaxCodeLength = 20;

    public async Task<Outcome<InitialisedAuthority>> HandleAsync(InitialiseAuthorityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(request).ToList();
        if (errors.Count > 0)
        {
            return Outcome<InitialisedAuthority>.Invalid(errors);
        }
        var code = request.Code.Trim().ToUpperInvariant();
        var email = request.AdminEmail.Trim();
        return await db.AsSystemAsync(async () =>
        {
            if (request.OnlyWhenEmpty && await db.Authorities.AnyAsync(cancellationToken))
            {
                return Outcome<InitialisedAuthority>.Refused("FairShare is already set up: an authority exists. Sign in, or ask its administrator.");
            }
            if (await db.Authorities.AnyAsync(a => a.Code == code, cancellationToken))
            {
                return Outcome<InitialisedAuthority>.Refused($"An authority with the code {code} already exists; nothing was changed.", "code");
            }
            var normalised = UserAccount.Normalise(email);
            if (await db.UserAccounts.AnyAsync(u => u.NormalizedEmail == normalised, cancellationToken))
            {
                return Outcome<InitialisedAuthority>.Refused($"{email} already has a FairShare account; nothing was changed.", "adminEmail");
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var authority = new Authority(code, request.Name.Trim(), request.YearStartMonth!.Value);
            db.Authorities.Add(authority);
            await db.SaveChangesAsync(cancellationToken);
            var admin = new UserAccount(authority, email, request.AdminName);
            if (request.Password is { } secret)
            {
                admin.PasswordHash = Passwords.NewHasher().HashPassword(admin, secret);
            }
            admin.Grant(new RoleGrant(Role.Administrator));
            db.UserAccounts.Add(admin);
            await db.SaveChangesAsync(cancellationToken);
            var via = request.Via is "web" ? "web" : "cli";
            var actor = new Actor(via == "web" ? "setup:first-run" : $"cli:{Environment.UserName}",
                via == "web" ? "First-run set-up page" : $"{Environment.UserName} at the command line", authority.Id, [new RoleGrant(Role.Administrator)], via);
            tenants.Set(Tenant.Of(authority), actor);
            audit.Record("authority.create", nameof(Authority), authority.Id, null, new { authority.Code, authority.Name, authority.YearStartMonth });
            audit.Record("user.create", nameof(UserAccount), admin.Id, null,
                new { admin.Email, admin.DisplayName, Role = Role.Administrator, LocalPassword = request.Password is not null });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var signIn = request.Password is null
                ? $"{admin.DisplayName} has no local password: they sign in through the council's identity provider (Authentication:OpenIdConnect), matched by {admin.Email}."
                : $"{admin.DisplayName} signs in at /sign-in with {admin.Email} and the password given.";
            return Outcome<InitialisedAuthority>.Ok(new InitialisedAuthority(authority.Id, authority.Code, authority.Name, authority.YearStartMonth, admin.Email,
                request.Password is not null, $"Created {authority.Name} ({authority.Code}), financial year from {MonthName(authority.YearStartMonth)}, with {admin.DisplayName} as its administrator. {signIn}"));
        });
    }

    public static string MonthName(int month) =>
        System.Globalization.CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetMonthName(month);

    /// <summary>Every field's problem at once, before anything is read or written.</summary>
    public static IEnumerable<DomainError> Validate(InitialiseAuthorityRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (string.IsNullOrWhiteSpace(r.Name))
        {
            yield return new DomainError("name", "is required: the authority's name, e.g. Northshire County Council.");
        }
        else if (r.Name.Trim().Length > 200)
        {
            yield return new DomainError("name", "is at most 200 characters.");
        }
        if (string.IsNullOrWhiteSpace(r.Code))
        {
            yield return new DomainError("code", "is required: a short code for the authority, e.g. NCC.");
        }
        else if (r.Code.Trim().Length > MaxCodeLength || !r.Code.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            yield return new DomainError("code", $"'{Inputs.Parse.Shown(r.Code)}' must be up to {MaxCodeLength} letters, digits or hyphens.");
        }
        if (r.YearStartMonth is not (>= 1 and <= 12))
        {
            yield return new DomainError("yearStartMonth", r.YearStartMonth is null
                ? "is required: the month the financial year starts (4 for April, as UK councils)."
                : $"must be a month from 1 to 12 (got {r.YearStartMonth}).");
        }
        if (string.IsNullOrWhiteSpace(r.AdminName))
        {
            yield return new DomainError("adminName", "is required.");
        }
        else if (r.AdminName.Trim().Length > 200)
        {
            yield return new DomainError("adminName", "is at most 200 characters.");
        }
        if (string.IsNullOrWhiteSpace(r.AdminEmail) || !r.AdminEmail.Contains('@', StringComparison.Ordinal) || r.AdminEmail.Trim().Length > 254)
        {
            yield return new DomainError("adminEmail", $"'{Inputs.Parse.Shown(r.AdminEmail)}' is not an email address.");
        }
        if (r.Password is { } password && password.Length < AddUser.MinimumPasswordLength)
        {
            yield return new DomainError("password", $"must be at least {AddUser.MinimumPasswordLength} characters.");
        }
        else if (r.Password is { Length: > 200 })
        {
            yield return new DomainError("password", "is at most 200 characters.");
        }
    }
}
