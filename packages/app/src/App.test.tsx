import { render } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('starts and offers guest sign-in', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
            techdocs: {
              storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
            },
          },
          context: 'test',
        },
      ] as any,
    };

    const rendered = render(App.createRoot());

    // The sign-in page of the configured app, with the guest provider.
    expect(await rendered.findByText('Guest')).toBeInTheDocument();
    expect(
      await rendered.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
  });
});
