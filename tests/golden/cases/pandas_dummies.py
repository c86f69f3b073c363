# get_dummies: 1.5's uint8 default, several columns, prefixes, dummy_na, explicit columns, Series input.
import io
import pandas as pd

d = pd.read_csv(io.StringIO('k,n,m,f\nb,1,u,0.5\na,2,v,1.5\n,3,u,\nb,4,,2.5\n'))
pd.get_dummies(d)
# %%
pd.get_dummies(d).dtypes
# %%
pd.get_dummies(d, dummy_na=True)
# %%
pd.get_dummies(d, prefix=['K', 'M'], prefix_sep='-')
# %%
pd.get_dummies(d, prefix={'k': 'key', 'm': 'mm'})
# %%
pd.get_dummies(d, columns=['n'])
# %%
pd.get_dummies(d, columns=['k', 'f'], dummy_na=True)
# %%
pd.get_dummies(d['k'])
# %%
pd.get_dummies(d['k'], prefix='k', dummy_na=True)
# %%
pd.get_dummies(d['n'], prefix='n', dtype=float)
# %%
pd.get_dummies(d, prefix=['only_one'])
# %%
pd.get_dummies(d[['n', 'f']])
# %%
x = pd.get_dummies(d[['n', 'k']], dummy_na=True)
x.values
# %%
import torch
torch.tensor(x.values)
# %%
torch.tensor(d.values)
