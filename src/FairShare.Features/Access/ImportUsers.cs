using FairShare.Domain;
using FairShare.Domain.Access;
using FairShare.Features.Imports;
using FairShare.Features.Tenancy;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FairShare.Features.Access;

/// <summary>
/// A CSV file of accounts (email, name, role, scope_code), one role a row: a person with several roles or a budget
/// holder of several cost centres has a row for each. <paramref name="Preview"/> reads and checks it, changing nothing.
/// </summary>
public sealed record ImportUsersRequest(string FileName, byte[] Content, bool Preview = true, ImportEncoding Encoding = ImportEncoding.Utf8);

/// <summary>One account the file adds, with the line it was first named on.</summary>
public sealed record ImportedPerson(int Line, string Email, string Name, IReadOnlyList<PersonRole> Roles);

public sealed record UsersImported(bool Applied, IReadOnlyList<ImportedPerson> People, string Message);

/// <summary>
/// Imports accounts from CSV, preview first, then all or nothing: any bad row means no account is added, and every
/// problem names its line, column, value and reason. Only new accounts are added (an email that has an account is a
/// problem: change that account on its page); they have no password, so people sign in through the identity
/// provider or with a reset link their administrator gives them.
/// </summary>
public sealed class ImportUsers(FairShareDbContext db, TenantContext tenants, AuditTrail audit)
{
    public static IReadOnlyList<string> Columns { get; } = ["email", "name", "role", "scope_code"];

    public async Task<Outcome<UsersImported>> HandleAsync(ImportUsersRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (tenants.Refusal(Permission.ManageUsers, "manage users") is { } forbidden)
        {
            return Outcome<UsersImported>.Forbidden(forbidden);
        }
        if (!Enum.IsDefined(request.Encoding))
        {
            return Outcome<UsersImported>.Invalid("encoding", "Choose UTF-8 or Windows-1252.");
        }
        var (file, problem) = TabularFile.Open(request.FileName ?? "", request.Content ?? [], request.Encoding);
        if (file is null)
        {
            return Outcome<UsersImported>.Invalid("file", problem!);
        }
        if (!file.Header.Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(Columns))
        {
            return Outcome<UsersImported>.Invalid("file", $"The header is '{Inputs.Parse.Shown(string.Join(",", file.Header))}'; it must be {string.Join(",", Columns)}.");
        }
        var authorityId = tenants.Current.AuthorityId;
        var centres = await db.CostCentres.AsNoTracking().Where(c => c.AuthorityId == authorityId)
            .Select(c => new { c.Id, c.Code, c.Name, c.Kind }).ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => s.AuthorityId == authorityId)
            .Select(s => new { s.Id, s.Code, s.Name }).ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var existing = (await db.AsSystemAsync(() => db.UserAccounts.Select(u => u.NormalizedEmail).ToListAsync(cancellationToken))).ToHashSet(StringComparer.Ordinal);

        var problems = new ImportProblems();
        var people = new Dictionary<string, (int Line, string Email, string Name, List<PersonRole> Roles)>(StringComparer.Ordinal);
        var seen = new Dictionary<(string, RoleGrant), int>();
        var rows = 0;
        foreach (var row in file.Rows)
        {
            rows++;
            void Problem(string column, string value, string reason) => problems.Add(new ImportProblem(row.Line, column, value, reason));
            if (row.Fault is { } fault)
            {
                Problem(ImportProblem.RowColumn, "", $"The row {fault}");
                continue;
            }
            var (email, name, roleText, scope) = (row.Cells[0].Trim(), row.Cells[1].Trim(), row.Cells[2].Trim(), row.Cells[3].Trim());
            var ok = true;
            foreach (var error in People.Email(email).Concat(People.Name(name)))
            {
                Problem(error.Field, error.Field == "email" ? email : name, error.Message);
                ok = false;
            }
            var role = Inputs.Parse.Word<Role>(roleText, "role");
            if (!role.IsSuccess)
            {
                Problem("role", roleText, $"is not a role; use one of {string.Join(", ", Slugs.All<Role>())}.");
                continue;
            }
            PersonRole? personRole = null;
            if (AccessPolicy.IsScopedToCostCentre(role.Value))
            {
                if (!centres.TryGetValue(scope, out var centre))
                {
                    Problem("scope_code", scope, scope.Length == 0
                        ? $"a {AccessPolicy.Describe(role.Value).ToLowerInvariant()} needs a cost centre code."
                        : "is not one of this authority's cost centres.");
                }
                else if (role.Value is not Role.BudgetHolder && centre.Kind != CostCentreKind.Support)
                {
                    Problem("scope_code", scope, "is not a support service, so it has no provider.");
                }
                else
                {
                    personRole = new PersonRole(role.Value, centre.Id, null, centre.Code, centre.Name);
                }
            }
            else if (role.Value == Role.Supplier)
            {
                if (!suppliers.TryGetValue(scope, out var supplier))
                {
                    Problem("scope_code", scope, scope.Length == 0 ? "a supplier needs a supplier code." : "is not one of this authority's suppliers.");
                }
                else
                {
                    personRole = new PersonRole(role.Value, null, supplier.Id, supplier.Code, supplier.Name);
                }
            }
            else if (scope.Length > 0)
            {
                Problem("scope_code", scope, $"must be empty: a {AccessPolicy.Describe(role.Value).ToLowerInvariant()} is not limited to a cost centre or supplier.");
            }
            else
            {
                personRole = new PersonRole(role.Value);
            }
            if (!ok || personRole is null)
            {
                continue;
            }
            var key = UserAccount.Normalise(email);
            if (existing.Contains(key))
            {
                Problem("email", email, "already has a FairShare account; change it on its page instead.");
                continue;
            }
            if (seen.TryGetValue((key, personRole.Grant), out var first))
            {
                Problem(ImportProblem.RowColumn, "", $"repeats line {first}: the same person and role twice.");
                continue;
            }
            seen[(key, personRole.Grant)] = row.Line;
            if (people.TryGetValue(key, out var person))
            {
                if (!string.Equals(person.Name, name, StringComparison.Ordinal))
                {
                    Problem("name", name, $"differs from line {person.Line}, which names {email} '{person.Name}'.");
                    continue;
                }
                person.Roles.Add(personRole);
            }
            else
            {
                people[key] = (row.Line, email, name, [personRole]);
            }
        }
        if (rows == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(0, "file", "", "The file has a header but no rows: there is no one to import."));
        }
        if (problems.Count > 0)
        {
            return Outcome<UsersImported>.Invalid([.. problems.Report().Select(ImportFile.Error)]);
        }
        var found = people.Values.OrderBy(p => p.Line).Select(p => new ImportedPerson(p.Line, p.Email, p.Name, p.Roles)).ToArray();
        if (request.Preview)
        {
            return new UsersImported(false, found, $"The file would add {Domain.Text.English.Count(found.Length, "account")}; nothing has been changed yet.");
        }
        var authority = await db.Authorities.SingleAsync(a => a.Id == authorityId, cancellationToken);
        var accounts = new List<UserAccount>();
        foreach (var p in found)
        {
            var user = new UserAccount(authority, p.Email, p.Name);
            user.ReplaceGrants(p.Roles.Select(r => r.Grant));
            accounts.Add(user);
        }
        db.UserAccounts.AddRange(accounts);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var user in accounts)
        {
            audit.Record("user.create", nameof(UserAccount), user.Id, null, People.Snapshot(user));
        }
        audit.Record("user.import", nameof(UserAccount), string.Join(",", accounts.Select(a => a.Id)), null,
            new { File = request.FileName, Accounts = accounts.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new UsersImported(true, found, $"Added {Domain.Text.English.Count(found.Length, "account")}.");
    }
}
