using FairShare.Features.Access;
using FairShare.Features.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FairShare.Web.Pages.Admin.Users;

/// <summary>Import people from CSV: a preview first, then all or nothing. The previewed file travels with the confirmation, so what is applied is what was seen.</summary>
public sealed class ImportModel(ImportUsers import, ListUsers listUsers) : PageModel
{
    /// <summary>The largest file taken here (about 20,000 people).</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Encoding { get; set; }
    [BindProperty] public string? FileContent { get; set; }
    [BindProperty] public string? FileName { get; set; }

    public UsersImported? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await listUsers.HandleAsync(new ListUsersRequest(), cancellationToken) is { IsOk: false } refused ? this.Show(refused)! : Page();

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (await listUsers.HandleAsync(new ListUsersRequest(), cancellationToken) is { IsOk: false } refused)
        {
            return this.Show(refused)!;
        }
        var encoding = Features.Inputs.Parse.Encoding(Encoding, "Encoding");
        if (!encoding.IsSuccess)
        {
            ModelState.AddModelError("Encoding", "Select how the file's text is saved: UTF-8 or Windows-1252.");
        }
        if (Upload is null || Upload.Length is 0 or > MaxBytes)
        {
            ModelState.AddModelError("Upload", Upload is null ? "Select a CSV file to import." : Upload.Length == 0 ? "The selected file is empty." : "The file is larger than 2 MB; split it.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        using var stream = new MemoryStream();
        await Upload!.CopyToAsync(stream, cancellationToken);
        FileName = Path.GetFileName(Upload.FileName);
        FileContent = Convert.ToBase64String(stream.ToArray());
        return await RunAsync(stream.ToArray(), encoding.Value, preview: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        var encoding = Features.Inputs.Parse.Encoding(Encoding, "Encoding");
        byte[]? content = null;
        try
        {
            content = FileContent is { Length: > 0 and <= MaxBytes * 2 } ? Convert.FromBase64String(FileContent) : null;
        }
        catch (FormatException)
        {
            content = null;
        }
        if (content is null || !encoding.IsSuccess)
        {
            ModelState.AddModelError("Upload", "Select the file again and preview it before adding the people in it.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await listUsers.HandleAsync(new ListUsersRequest(), cancellationToken) is { IsOk: false } refused ? this.Show(refused)! : Page();
        }
        return await RunAsync(content, encoding.Value, preview: false, cancellationToken);
    }

    private async Task<IActionResult> RunAsync(byte[] content, ImportEncoding encoding, bool preview, CancellationToken cancellationToken)
    {
        var outcome = await import.HandleAsync(new ImportUsersRequest(FileName ?? "people.csv", content, preview, encoding), cancellationToken);
        if (this.Show(outcome, new Dictionary<string, string>(), "Upload") is { } failed)
        {
            return failed;
        }
        if (!outcome.IsOk)
        {
            FileContent = null;
        }
        Result = outcome.IsOk ? outcome.Value : null;
        return Page();
    }
}
